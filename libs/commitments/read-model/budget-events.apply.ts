import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { BaselineApproved, BudgetChanged } from '@cf/projects';
import { type CommitmentRow, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { shiftTotals } from './budget-picture.js';
import { rejudge } from './standing.apply.js';

export const projectOpened = async (trx: ReadModelTransaction, d: { projectId: string; budgetHours: number }): Promise<void> => {
  await trx.insertInto('commitment_budgets').values({ project_id: d.projectId, budget_hours: d.budgetHours, baseline_id: null, baseline_name: null, outside_hours: 0 }).execute();
};

/** A change order moves the budget; the commitments it covers draw first from now on. Everything is judged again. */
export const budgetChanged = async (trx: ReadModelTransaction, { data: d }: BudgetChanged, recorded: RecordedEvent): Promise<void> => {
  await trx.updateTable('commitment_budgets').set({ budget_hours: d.toHours }).where('project_id', '=', d.projectId).execute();
  for (const id of d.coversCommitmentIds ?? []) {
    const row = await readCommitmentRow(trx, id);
    if (!row) continue;
    await writeCommitmentRow(trx, row, { ...row, covered: 1 });
    await trx.insertInto('commitment_covers').values({
      commitment_id: id, seq: Number(recorded.position), reason: d.reason, budget_hours: d.toHours, countersigned_by_id: d.countersignedById ?? '',
    }).execute();
  }
  await rejudge(trx, d.projectId);
};

/** A new baseline changes what every active commitment draws: the totals are summed anew (rare), then everything is judged again. */
export const baselineApproved = async (trx: ReadModelTransaction, { data: d }: BaselineApproved): Promise<void> => {
  await trx.deleteFrom('commitment_budget_loads').where('project_id', '=', d.projectId).execute();
  if (d.requirements.length > 0) {
    await trx.insertInto('commitment_budget_loads').values(d.requirements.map((r) => ({
      project_id: d.projectId, requirement_id: r.requirementId, estimate_hours: r.estimateHours, committed_hours: 0,
    }))).execute();
  }
  await trx.updateTable('commitment_budgets').set({ baseline_id: d.baselineId, baseline_name: d.name, outside_hours: 0 }).where('project_id', '=', d.projectId).execute();
  const baseline = { baselineId: d.baselineId, name: d.name, requirements: d.requirements.map(({ requirementId, estimateHours }) => ({ requirementId, estimateHours })) };
  const active = await trx.selectFrom('commitments').selectAll().where('project_id', '=', d.projectId).where('active', '=', 1).orderBy('seq').execute() as CommitmentRow[];
  for (const row of active) {
    await shiftTotals(trx, d.projectId, baseline, { estimateHours: row.estimate_hours, requirementIds: JSON.parse(row.requirement_ids) as string[] }, 1);
  }
  await rejudge(trx, d.projectId);
};
