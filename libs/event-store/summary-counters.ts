import type { PageRows } from './page-rows.js';

/** What one entity adds to its project's counters (counter name → amount). */
export type Counts = Record<string, number>;

/**
 * Moves a project's counters in `table` (project_id, counter, value) by `after − before`: an
 * entity's old contribution is taken back and its new one added, so every counter stays the sum
 * over entities without re-reading them.
 */
export const shiftCounters = async (rows: PageRows, table: string, projectId: string, before: Counts, after: Counts): Promise<void> => {
  for (const counter of new Set([...Object.keys(before), ...Object.keys(after)])) {
    await rows.add(table, { project_id: projectId, counter }, 'value', (after[counter] ?? 0) - (before[counter] ?? 0));
  }
};
