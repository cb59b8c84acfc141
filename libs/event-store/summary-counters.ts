import type { PageRows } from './page-rows.js';
import type { ReadModelTransaction } from './projection.js';

/** What one entity adds to its project's counters (counter name → amount). */
export type Counts = Record<string, number>;

/**
 * Moves a project's counters in `table` (project_id, counter, value) by `after − before`: an
 * entity's old contribution is taken back and its new one added, so every counter stays the sum
 * over entities without re-reading them.
 */
export const shiftCounters = async (trx: ReadModelTransaction, table: string, projectId: string, before: Counts, after: Counts): Promise<void> => {
  for (const counter of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[counter] ?? 0) - (before[counter] ?? 0);
    if (delta === 0) continue;
    await trx.insertInto(table).values({ project_id: projectId, counter, value: delta })
      .onConflict((oc) => oc.columns(['project_id', 'counter'])
        .doUpdateSet((eb) => ({ value: eb(`${table}.value`, '+', eb.ref('excluded.value')) })))
      .execute();
  }
};

/** shiftCounters for a page projection: the same moves, on the page's rows. */
export const shiftPageCounters = async (rows: PageRows, table: string, projectId: string, before: Counts, after: Counts): Promise<void> => {
  for (const counter of new Set([...Object.keys(before), ...Object.keys(after)])) {
    await rows.add(table, { project_id: projectId, counter }, 'value', (after[counter] ?? 0) - (before[counter] ?? 0));
  }
};
