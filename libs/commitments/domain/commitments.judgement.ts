import { judgeDraw } from './budget-judgement.js';
import type { BudgetBaseline, Drawn, Exposure } from './budget.types.js';
import type { CommitmentAtDecision, CommitmentStatus, JudgementFlags, ProjectMemberRole } from './commitments.events.js';
import {
  askerLabel,
  madeWithoutAuthorityReason,
  outsideBudgetReason,
  outsideRequirementsReason,
  requestedWithoutAuthorityReason,
} from './commitments.reasons.js';

/**
 * Who asked for a commitment, for `requestedWithoutAuthority`: whether one of its requests was
 * asked or confirmed first-hand by a contact who could approve scope at that time (or, with no
 * request linked, whether the contact it was made to could), and the askers' names for the reason.
 */
export interface Asked {
  withAuthority: boolean;
  askerNames: readonly string[];
}

export interface Judged {
  candidate: Drawn;
  /** What every commitment drawn before it draws. */
  before: Exposure;
  budgetHours: number;
  baseline: BudgetBaseline | null;
  /** The role its authority rests on (PromisedBy): the maker's, unless a reviser who took it outside on another authority moved it. */
  makerRole: ProjectMemberRole;
  /** Whether a revision put that role there: the reasons then say "Revised by". */
  promisedInRevision?: boolean;
  asked: Asked;
}

/** The flags of one judgement with a sentence for each; the same rules for history and for today. */
export const judge = ({ candidate, before, budgetHours, baseline, makerRole, promisedInRevision, asked }: Judged): CommitmentAtDecision => {
  const b = judgeDraw(candidate, before, budgetHours, baseline);
  // Not a manager and outside requirements or budget: the maker promised what only a manager may.
  const madeWithoutAuthority = makerRole !== 'MANAGER' && (b.outsideRequirements || b.outsideBudget);
  const reasons: string[] = [];
  if (b.outsideRequirements) reasons.push(outsideRequirementsReason(baseline));
  if (b.outsideBudget) {
    reasons.push(outsideBudgetReason(b.drawHours, b.budgetAtDecision.remainingReserveHours, b.exceedsBudgetByHours));
  }
  if (madeWithoutAuthority) reasons.push(madeWithoutAuthorityReason(makerRole, b.outsideRequirements, b.outsideBudget, promisedInRevision));
  if (!asked.withAuthority) reasons.push(requestedWithoutAuthorityReason(asked.askerNames));
  return {
    outsideRequirements: b.outsideRequirements,
    outsideBudget: b.outsideBudget,
    exceedsBudgetByHours: b.exceedsBudgetByHours,
    madeWithoutAuthority,
    requestedWithoutAuthority: !asked.withAuthority,
    reasons,
    budgetAtDecision: b.budgetAtDecision,
  };
};

/** The flags a judgement's reasons follow, in order: one sentence per true flag. */
/** Only the flags of a judgement (JudgementFlags), as a webhook or a revision's event keeps them. */
export const judgementFlags = (judged: JudgementFlags): JudgementFlags => ({
  outsideRequirements: judged.outsideRequirements,
  outsideBudget: judged.outsideBudget,
  exceedsBudgetByHours: judged.exceedsBudgetByHours,
  madeWithoutAuthority: judged.madeWithoutAuthority,
  requestedWithoutAuthority: judged.requestedWithoutAuthority,
});

export const FLAG_ORDER = ['outsideRequirements', 'outsideBudget', 'madeWithoutAuthority', 'requestedWithoutAuthority'] as const;
export type Flag = (typeof FLAG_ORDER)[number];

export const reasonFor = (judgement: CommitmentAtDecision, flag: Flag): string | undefined =>
  judgement[flag] ? judgement.reasons[FLAG_ORDER.slice(0, FLAG_ORDER.indexOf(flag)).filter((f) => judgement[f]).length] : undefined;

/** ACCEPTED when within requirements and budget; otherwise a manager has to approve it. */
export const statusWhenMade = (judgement: CommitmentAtDecision): 'ACCEPTED' | 'PENDING_APPROVAL' =>
  judgement.outsideRequirements || judgement.outsideBudget ? 'PENDING_APPROVAL' : 'ACCEPTED';

/**
 * After a revision: an approval stands unless the revision widens what was approved (more hours,
 * other requirements): a trim or a new due date is within it, and so is a trim back within the
 * hours approved of a promise a raise had sent back for approval. Otherwise, outside requirements
 * or budget awaits approval (anew, when the approval was for less); within them, one made without
 * authority still waits for a manager.
 */
export const statusAfterRevision = (
  previous: CommitmentStatus,
  judgement: CommitmentAtDecision,
  approval: { widened: boolean; backWithin: boolean },
): 'ACCEPTED' | 'PENDING_APPROVAL' | 'APPROVED' => {
  if (previous === 'APPROVED' && !approval.widened) return 'APPROVED';
  if (previous === 'PENDING_APPROVAL' && approval.backWithin) return 'APPROVED';
  if (judgement.outsideRequirements || judgement.outsideBudget) return 'PENDING_APPROVAL';
  if (previous === 'APPROVED') return 'APPROVED';
  return judgement.madeWithoutAuthority ? 'PENDING_APPROVAL' : 'ACCEPTED';
};

/** With requests linked, their askers; with none, the contact it was made to asked. */
export const askedOf = (
  requests: readonly { askedWithAuthority: boolean; requesterName?: string; relayerName?: string }[],
  madeTo: { canApproveScope: boolean; name: string } | null,
): Asked =>
  requests.length > 0
    ? {
        withAuthority: requests.some((r) => r.askedWithAuthority),
        askerNames: requests.flatMap((r) => (r.requesterName ? [askerLabel(r.requesterName, r.relayerName)] : [])),
      }
    : { withAuthority: madeTo?.canApproveScope ?? false, askerNames: madeTo?.name ? [madeTo.name] : [] };
