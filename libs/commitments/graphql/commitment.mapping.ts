import type { BudgetAtDecision } from '../domain/budget.types.js';
import type { CommitmentRow } from '../read-model/commitment-row.js';
import type { Commitment, CommitmentJudgementView } from './commitment.types.js';

const judgement = (row: CommitmentRow, prefix: '' | 'current_'): CommitmentJudgementView => ({
  outsideRequirements: row[`${prefix}outside_requirements`] === 1,
  outsideBudget: row[`${prefix}outside_budget`] === 1,
  exceedsBudgetByHours: row[`${prefix}exceeds_budget_by_hours`],
  madeWithoutAuthority: row[`${prefix}made_without_authority`] === 1,
  requestedWithoutAuthority: row[`${prefix}requested_without_authority`] === 1,
  reasons: JSON.parse(row[`${prefix}reasons`]) as string[],
});

/**
 * A row as the schema shows it. `viewerContactId` is the customer's contact when a customer
 * reads (their own requests only); which fields they see is the customer view's decision.
 */
export const toCommitment = (row: CommitmentRow, viewerContactId: string | null = null): Commitment => {
  const atDecision = judgement(row, '');
  return {
    id: row.id,
    projectId: row.project_id,
    summary: row.summary,
    status: row.status,
    estimateHours: row.estimate_hours,
    dueDate: row.due_date,
    ...atDecision,
    atDecision,
    // A withdrawn or rejected commitment draws nothing: it has no standing today, not a blameless one.
    current: row.active === 1 ? judgement(row, 'current_') : null,
    budgetAtDecision: JSON.parse(row.budget_at_decision) as BudgetAtDecision,
    madeBy: { userId: row.made_by_id, name: row.made_by_name },
    madeAt: row.made_at,
    revision: row.revision,
    madeToId: row.made_to_id,
    viewerContactId,
  };
};

/** Who reads: null for the internal roles, the customer's own contact id ('' when none is linked). */
export const viewerOf = (grant: { role: string; member: { contact_id: string | null } }): string | null =>
  grant.role === 'CUSTOMER' ? (grant.member.contact_id ?? '') : null;
