import type { BudgetAtDecision } from '../domain/budget.types.js';
import type { CommitmentRow } from '../read-model/commitments.read-model.js';
import type { Commitment } from './commitment.types.js';

/**
 * A row as the schema shows it. `viewerContactId` is the customer's contact when a customer
 * reads: then budget figures are left out (customers never see the budget).
 */
export const toCommitment = (row: CommitmentRow, viewerContactId: string | null = null): Commitment => ({
  id: row.id,
  projectId: row.project_id,
  summary: row.summary,
  status: row.status,
  estimateHours: row.estimate_hours,
  dueDate: row.due_date,
  outsideRequirements: row.outside_requirements === 1,
  outsideBudget: row.outside_budget === 1,
  exceedsBudgetByHours: row.exceeds_budget_by_hours,
  madeWithoutAuthority: row.made_without_authority === 1,
  requestedWithoutAuthority: row.requested_without_authority === 1,
  reasons: JSON.parse(row.reasons) as string[],
  budgetAtDecision: viewerContactId === null ? (JSON.parse(row.budget_at_decision) as BudgetAtDecision) : null,
  madeBy: { userId: row.made_by_id, name: row.made_by_name },
  madeAt: row.made_at,
  revision: row.revision,
  madeToId: row.made_to_id,
  viewerContactId,
});

/** Who reads: null for the internal roles, the customer's own contact id ('' when none is linked). */
export const viewerOf = (grant: { role: string; member: { contact_id: string | null } }): string | null =>
  grant.role === 'CUSTOMER' ? (grant.member.contact_id ?? '') : null;
