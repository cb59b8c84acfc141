import type { PageRows, ReadModelDb } from '@cf/event-store';
import { drawOf } from '../domain/budget.js';
import type { BudgetBaseline, Exposure } from '../domain/budget.types.js';

/** A project's budget as the read model keeps it: the budget, the latest baseline and what the active commitments draw. */
export interface BudgetPicture {
  budgetHours: number;
  baseline: BudgetBaseline | null;
  totals: Exposure;
}

interface BudgetRow {
  budget_hours: number;
  baseline_id: string | null;
  baseline_name: string | null;
  outside_hours: number;
}
interface LoadRow {
  requirement_id: string;
  estimate_hours: number;
  committed_hours: number;
}

const pictureOf = (budget: BudgetRow, loads: LoadRow[]): BudgetPicture => ({
  budgetHours: budget.budget_hours,
  baseline:
    budget.baseline_id === null
      ? null
      : {
          baselineId: budget.baseline_id,
          ...(budget.baseline_name !== null ? { name: budget.baseline_name } : {}),
          requirements: loads.map((l) => ({ requirementId: l.requirement_id, estimateHours: l.estimate_hours })),
        },
  totals: { outsideHours: budget.outside_hours, committed: new Map(loads.map((l) => [l.requirement_id, l.committed_hours])) },
});

export const readBudgetPicture = async (db: ReadModelDb, projectId: string): Promise<BudgetPicture | undefined> => {
  const budget = (await db
    .selectFrom('commitment_budgets')
    .select(['budget_hours', 'baseline_id', 'baseline_name', 'outside_hours'])
    .where('project_id', '=', projectId)
    .executeTakeFirst()) as BudgetRow | undefined;
  if (!budget) return undefined;
  const loads =
    budget.baseline_id === null
      ? []
      : ((await db
          .selectFrom('commitment_budget_loads')
          .select(['requirement_id', 'estimate_hours', 'committed_hours'])
          .where('project_id', '=', projectId)
          .orderBy('requirement_id')
          .execute()) as LoadRow[]);
  return pictureOf(budget, loads);
};

const byRequirement = (a: LoadRow, b: LoadRow): number =>
  a.requirement_id < b.requirement_id ? -1 : a.requirement_id > b.requirement_id ? 1 : 0;

/** The same picture from the rows of the page being projected. */
export const pageBudgetPicture = async (rows: PageRows, projectId: string): Promise<BudgetPicture | undefined> => {
  const budget = await rows.get<BudgetRow>('commitment_budgets', { project_id: projectId });
  if (!budget) return undefined;
  const loads =
    budget.baseline_id === null ? [] : (await rows.find<LoadRow>('commitment_budget_loads', { project_id: projectId })).sort(byRequirement);
  return pictureOf(budget, loads);
};

/** Adds (sign 1) or takes back (sign −1) one commitment's draw in the project's totals (of a project it knows). */
export const shiftTotals = async (
  rows: PageRows,
  projectId: string,
  baseline: BudgetBaseline | null,
  commitment: { estimateHours: number; requirementIds: string[] },
  sign: 1 | -1,
): Promise<void> => {
  const draw = drawOf(commitment, baseline);
  if (draw.outsideHours !== 0) await move(rows, 'commitment_budgets', { project_id: projectId }, 'outside_hours', sign * draw.outsideHours);
  for (const [requirementId, hours] of draw.loads) {
    await move(rows, 'commitment_budget_loads', { project_id: projectId, requirement_id: requirementId }, 'committed_hours', sign * hours);
  }
};

/** Moves a column of a row that exists; a missing row stays missing. */
const move = async (rows: PageRows, table: string, key: Record<string, unknown>, column: string, amount: number): Promise<void> => {
  const row = await rows.get(table, key);
  if (row) rows.put(table, { ...row, [column]: (row[column] as number) + amount });
};
