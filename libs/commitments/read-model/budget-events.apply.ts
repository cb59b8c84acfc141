import type { PageRows, RecordedEvent } from '@cf/event-store';
import type { BaselineApproved, BudgetChanged } from '@cf/projects';
import { type CommitmentRow, STANDING_COUNTERS, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { shiftTotals } from './budget-picture.js';
import { rejudge } from './standing.apply.js';

export const projectOpened = async (rows: PageRows, d: { projectId: string; budgetHours: number }): Promise<void> => {
  rows.put('commitment_budgets', {
    project_id: d.projectId,
    budget_hours: d.budgetHours,
    baseline_id: null,
    baseline_name: null,
    outside_hours: 0,
  });
  for (const counter of STANDING_COUNTERS) rows.put('commitment_counters', { project_id: d.projectId, counter, value: 0 });
};

/** A change order moves the budget; the commitments it covers draw first from now on. Everything is judged again. */
export const budgetChanged = async (rows: PageRows, { data: d }: BudgetChanged, recorded: RecordedEvent): Promise<void> => {
  const budget = await rows.get('commitment_budgets', { project_id: d.projectId });
  if (budget) rows.put('commitment_budgets', { ...budget, budget_hours: d.toHours });
  for (const id of d.coversCommitmentIds ?? []) {
    const row = await readCommitmentRow(rows, id);
    if (!row) continue;
    await writeCommitmentRow(rows, row, { ...row, covered: 1 });
    rows.put('commitment_covers', {
      commitment_id: id,
      seq: Number(recorded.position),
      reason: d.reason,
      budget_hours: d.toHours,
      countersigned_by_id: d.countersignedById ?? '',
      ended_at: null,
      ended_in_revision: null,
    });
  }
  rejudge(rows, d.projectId);
};

/** A new baseline changes what every active commitment draws: the totals are summed anew (rare), then everything is judged again. */
export const baselineApproved = async (rows: PageRows, { data: d }: BaselineApproved): Promise<void> => {
  for (const load of await rows.find('commitment_budget_loads', { project_id: d.projectId })) rows.delete('commitment_budget_loads', load);
  for (const r of d.requirements) {
    rows.put('commitment_budget_loads', {
      project_id: d.projectId,
      requirement_id: r.requirementId,
      estimate_hours: r.estimateHours,
      committed_hours: 0,
    });
  }
  const budget = await rows.get('commitment_budgets', { project_id: d.projectId });
  if (budget) rows.put('commitment_budgets', { ...budget, baseline_id: d.baselineId, baseline_name: d.name, outside_hours: 0 });
  const baseline = {
    baselineId: d.baselineId,
    name: d.name,
    requirements: d.requirements.map(({ requirementId, estimateHours }) => ({ requirementId, estimateHours })),
  };
  const active = (await rows.find<CommitmentRow>('commitments', { project_id: d.projectId, active: 1 })).sort(
    (a, b) => Number(a.seq) - Number(b.seq),
  );
  for (const row of active) {
    await shiftTotals(
      rows,
      d.projectId,
      baseline,
      { estimateHours: row.estimate_hours, requirementIds: JSON.parse(row.requirement_ids) as string[] },
      1,
    );
  }
  rejudge(rows, d.projectId);
};
