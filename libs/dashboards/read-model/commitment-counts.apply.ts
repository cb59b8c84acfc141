import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import { type CommitmentEvent, isActiveCommitmentStatus } from '@cf/commitments';
import { COUNTER, type Counts, shiftCounters } from './dashboard-counters.js';

interface CommitmentCountRow {
  commitment_id: string;
  project_id: string;
  status: string;
  outside_requirements: number;
  outside_budget: number;
  made_without_authority: number;
  exceeds_budget_by_hours: number;
}

/** Every commitment counts in the total and its status; only active ones in the flags and hours. */
const countsOf = (row: CommitmentCountRow | undefined): Counts => {
  if (!row) return {};
  const counts: Counts = { [COUNTER.commitmentsTotal]: 1, [COUNTER.commitmentStatus(row.status)]: 1 };
  if (!isActiveCommitmentStatus(row.status as never)) return counts;
  return {
    ...counts,
    [COUNTER.outsideRequirements]: row.outside_requirements,
    [COUNTER.outsideBudget]: row.outside_budget,
    [COUNTER.madeWithoutAuthority]: row.made_without_authority,
    [COUNTER.hoursOutsideBudget]: row.exceeds_budget_by_hours,
  };
};

const NEW_STATUS: Partial<Record<CommitmentEvent['type'], string>> = {
  CommitmentApproved: 'APPROVED', CommitmentRejected: 'REJECTED', CommitmentWithdrawn: 'WITHDRAWN', CommitmentDelivered: 'DELIVERED',
};

/** Commitment counts by status and flag, moved per event from a one-row-per-commitment table. */
export const applyCommitmentCounts = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as CommitmentEvent;
  const id = event.data.commitmentId;
  const before = await trx.selectFrom('dashboard_commitments').selectAll().where('commitment_id', '=', id)
    .executeTakeFirst() as CommitmentCountRow | undefined;
  let after: CommitmentCountRow;
  if (event.type === 'CommitmentMade' || event.type === 'CommitmentRevised') {
    if (event.type === 'CommitmentRevised' && !before) return;
    const c = event.data.classification;
    after = {
      commitment_id: id, project_id: event.data.projectId, status: event.data.status,
      outside_requirements: c.outsideRequirements ? 1 : 0, outside_budget: c.outsideBudget ? 1 : 0,
      made_without_authority: c.madeWithoutAuthority ? 1 : 0, exceeds_budget_by_hours: c.exceedsBudgetByHours,
    };
  } else {
    const status = NEW_STATUS[event.type];
    if (!before || !status) return;
    after = { ...before, status };
  }
  if (before) {
    const { commitment_id: _id, ...columns } = after;
    await trx.updateTable('dashboard_commitments').set(columns).where('commitment_id', '=', id).execute();
  } else {
    await trx.insertInto('dashboard_commitments').values(after).execute();
  }
  await shiftCounters(trx, after.project_id, countsOf(before), countsOf(after));
};
