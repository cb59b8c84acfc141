import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { ACTIVE_COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/commitments.events.js';
import type { CommitmentRow } from './commitment-row.js';

interface CommitmentsTable {
  commitments: CommitmentRow;
}

export interface CommitmentRowFilter {
  outsideBudget?: boolean | null;
  outsideRequirements?: boolean | null;
  madeWithoutAuthority?: boolean | null;
  currentlyOutsideBudget?: boolean | null;
  currentlyOutsideRequirements?: boolean | null;
  suspect?: boolean | null;
  /** Any of the four flags the portal lists (CommitmentFilter.flagged): the condition is anyFlag. */
  flagged?: boolean | null;
  status?: CommitmentStatus | null;
  /** Neither withdrawn nor rejected: what the dashboard's figures count. */
  active?: boolean | null;
  /** Customers see only the commitments made to their own contact. */
  madeToId?: string | null;
}

/**
 * What the portal's flagged commitments list, as one condition: made outside the budget or
 * without authority (whatever became of the promise: the customer heard it), outside it today,
 * or resting on a link that changed while it still stands.
 */
const anyFlag = (eb: ExpressionBuilder<CommitmentsTable, 'commitments'>) =>
  eb.or([
    eb('outside_budget', '=', 1),
    eb('current_outside_budget', '=', 1),
    eb('made_without_authority', '=', 1),
    eb.and([eb('suspect', '=', 1), eb('status', 'in', ACTIVE_COMMITMENT_STATUSES)]),
  ]);

/** A project's commitments that meet the filter: the rows a list pages through, and counts. */
export const filtered = <O>(query: SelectQueryBuilder<CommitmentsTable, 'commitments', O>, projectId: string, f: CommitmentRowFilter) => {
  let q = query.where('project_id', '=', projectId);
  if (f.outsideBudget != null) q = q.where('outside_budget', '=', f.outsideBudget ? 1 : 0);
  if (f.outsideRequirements != null) q = q.where('outside_requirements', '=', f.outsideRequirements ? 1 : 0);
  if (f.madeWithoutAuthority != null) q = q.where('made_without_authority', '=', f.madeWithoutAuthority ? 1 : 0);
  if (f.currentlyOutsideBudget != null) q = q.where('current_outside_budget', '=', f.currentlyOutsideBudget ? 1 : 0);
  if (f.currentlyOutsideRequirements != null) q = q.where('current_outside_requirements', '=', f.currentlyOutsideRequirements ? 1 : 0);
  if (f.suspect != null) q = q.where('suspect', '=', f.suspect ? 1 : 0);
  if (f.flagged != null) q = q.where((eb) => (f.flagged ? anyFlag(eb) : eb.not(anyFlag(eb))));
  if (f.status != null) q = q.where('status', '=', f.status);
  if (f.active != null) q = q.where('status', f.active ? 'in' : 'not in', ACTIVE_COMMITMENT_STATUSES);
  if (f.madeToId != null) q = q.where('made_to_id', '=', f.madeToId);
  return q;
};
