import { classifyCommitment, type BudgetCommitment, type BudgetInputs } from './budget.js';
import type { CommitmentClassification, ProjectMemberRole } from './commitments.events.js';
import {
  madeWithoutAuthorityReason,
  outsideBudgetReason,
  outsideRequirementsReason,
  requestedWithoutAuthorityReason,
} from './commitments.reasons.js';

/** A contact who asked for the commitment: a requester of a linked request, or the one it was made to. */
export interface AskingContact {
  id: string;
  canApproveScope: boolean;
  name?: string;
}

interface BudgetJudgement {
  candidate: BudgetCommitment;
  budget: BudgetInputs;
  makerRole: ProjectMemberRole;
}

/** The budget and authority flags with their reasons; the requested flag is decided by the caller. */
const judge = (
  { candidate, budget, makerRole }: BudgetJudgement,
  requested: { withoutAuthority: boolean; reason: string | null },
): CommitmentClassification => {
  const b = classifyCommitment(candidate, budget);
  // Not a manager and outside requirements or budget: the maker promised what only a manager may.
  const madeWithoutAuthority = makerRole !== 'MANAGER' && (b.outsideRequirements || b.outsideBudget);
  const reasons: string[] = [];
  if (b.outsideRequirements) reasons.push(outsideRequirementsReason(budget.baseline));
  if (b.outsideBudget) {
    const available = Math.max(b.budgetAtDecision.remainingReserveHours, 0);
    reasons.push(outsideBudgetReason(b.drawHours, available, b.exceedsBudgetByHours));
  }
  if (madeWithoutAuthority) {
    reasons.push(madeWithoutAuthorityReason(makerRole, b.outsideRequirements, b.outsideBudget));
  }
  if (requested.withoutAuthority && requested.reason !== null) reasons.push(requested.reason);
  return {
    outsideRequirements: b.outsideRequirements,
    outsideBudget: b.outsideBudget,
    exceedsBudgetByHours: b.exceedsBudgetByHours,
    madeWithoutAuthority,
    requestedWithoutAuthority: requested.withoutAuthority,
    reasons,
    budgetAtDecision: b.budgetAtDecision,
  };
};

/** Classification of a new commitment. */
export const classifyNewCommitment = (
  judgement: BudgetJudgement & { askingContacts: readonly AskingContact[] },
): CommitmentClassification => {
  // None of the asking contacts may approve scope: someone spoke with only apparent authority.
  const withoutAuthority = !judgement.askingContacts.some((contact) => contact.canApproveScope);
  const names = judgement.askingContacts.flatMap((contact) => (contact.name ? [contact.name] : []));
  return judge(judgement, {
    withoutAuthority,
    reason: withoutAuthority ? requestedWithoutAuthorityReason(names) : null,
  });
};

/**
 * Classification after the estimate was revised: budget and authority are judged again on the
 * budget as it stands now; who asked did not change, so that flag and its sentence (always the
 * last reason) are kept.
 */
export const reclassifyCommitment = (
  previous: CommitmentClassification,
  judgement: BudgetJudgement,
): CommitmentClassification =>
  judge(judgement, {
    withoutAuthority: previous.requestedWithoutAuthority,
    reason: previous.requestedWithoutAuthority ? (previous.reasons.at(-1) ?? requestedWithoutAuthorityReason([])) : null,
  });

/** ACCEPTED when within requirements and budget; otherwise a manager has to approve it. */
export const statusFor = (classification: CommitmentClassification): 'ACCEPTED' | 'PENDING_APPROVAL' =>
  classification.outsideRequirements || classification.outsideBudget ? 'PENDING_APPROVAL' : 'ACCEPTED';
