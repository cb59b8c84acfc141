import type { ReadModelDb, ReadModelTransaction } from '@cf/event-store';
import { drawOf } from '../domain/budget.js';
import type { BudgetBaseline, Exposure } from '../domain/budget.types.js';

/** A project's budget as the read model keeps it: the budget, the latest baseline and what the active commitments draw. */
export interface BudgetPicture {
  budgetHours: number;
  baseline: BudgetBaseline | null;
  totals: Exposure;
}

interface BudgetRow { budget_hours: number; baseline_id: string | null; baseline_name: string | null; outside_hours: number }
interface LoadRow { requirement_id: string; estimate_hours: number; committed_hours: number }

export const readBudgetPicture = async (db: ReadModelDb | ReadModelTransaction, projectId: string): Promise<BudgetPicture | undefined> => {
  const budget = await db.selectFrom('commitment_budgets').select(['budget_hours', 'baseline_id', 'baseline_name', 'outside_hours'])
    .where('project_id', '=', projectId).executeTakeFirst() as BudgetRow | undefined;
  if (!budget) return undefined;
  const loads = budget.baseline_id === null ? [] : await db.selectFrom('commitment_budget_loads')
    .select(['requirement_id', 'estimate_hours', 'committed_hours']).where('project_id', '=', projectId).orderBy('requirement_id').execute() as LoadRow[];
  return {
    budgetHours: budget.budget_hours,
    baseline: budget.baseline_id === null ? null : {
      baselineId: budget.baseline_id,
      ...(budget.baseline_name !== null ? { name: budget.baseline_name } : {}),
      requirements: loads.map((l) => ({ requirementId: l.requirement_id, estimateHours: l.estimate_hours })),
    },
    totals: { outsideHours: budget.outside_hours, committed: new Map(loads.map((l) => [l.requirement_id, l.committed_hours])) },
  };
};

/** Adds (sign 1) or takes back (sign −1) one commitment's draw in the project's totals. */
export const shiftTotals = async (
  trx: ReadModelTransaction,
  projectId: string,
  baseline: BudgetBaseline | null,
  commitment: { estimateHours: number; requirementIds: string[] },
  sign: 1 | -1,
): Promise<void> => {
  const draw = drawOf(commitment, baseline);
  if (draw.outsideHours !== 0) {
    await trx.updateTable('commitment_budgets').set((eb) => ({ outside_hours: eb('outside_hours', '+', sign * draw.outsideHours) }))
      .where('project_id', '=', projectId).execute();
  }
  for (const [requirementId, hours] of draw.loads) {
    await trx.updateTable('commitment_budget_loads').set((eb) => ({ committed_hours: eb('committed_hours', '+', sign * hours) }))
      .where('project_id', '=', projectId).where('requirement_id', '=', requirementId).execute();
  }
};
