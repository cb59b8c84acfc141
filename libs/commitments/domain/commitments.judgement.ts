import { judgeDraw } from './budget-judgement.js';
import type { BudgetBaseline, Drawn, Exposure } from './budget.types.js';
import type { CommitmentAtDecision, CommitmentStatus, ProjectMemberRole } from './commitments.events.js';
import {
  madeWithoutAuthorityEarlierReason,
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
  /** The role its authority rests on (PromisedBy): the maker's, unless a revision by someone who is not a manager moved it. */
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
    reasons.push(outsideBudgetReason(b.drawHours, Math.max(b.budgetAtDecision.remainingReserveHours, 0), b.exceedsBudgetByHours));
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
const FLAG_ORDER = ['outsideRequirements', 'outsideBudget', 'madeWithoutAuthority', 'requestedWithoutAuthority'] as const;
type Flag = (typeof FLAG_ORDER)[number];

const reasonFor = (judgement: CommitmentAtDecision, flag: Flag): string | undefined =>
  judgement[flag] ? judgement.reasons[FLAG_ORDER.slice(0, FLAG_ORDER.indexOf(flag)).filter((f) => judgement[f]).length] : undefined;

/**
 * A revision judges the budget part again at that moment, but authority stays the maker's: a
 * commitment once made without authority stays so (said in the past once it is within) — a
 * manager's edit never clears it, approval is the way a manager gives authority. A reviser who is
 * not a manager does not borrow a manager maker's authority, though (`judged.makerRole` is then
 * theirs: PromisedBy). Who asked is judged again only when the requests were relinked.
 */
export const judgeRevision = (previous: CommitmentAtDecision, judged: Judged, requestsRelinked: boolean): CommitmentAtDecision => {
  const fresh = judge(
    requestsRelinked ? judged : { ...judged, asked: { withAuthority: !previous.requestedWithoutAuthority, askerNames: [] } },
  );
  const next = { ...fresh, madeWithoutAuthority: previous.madeWithoutAuthority || fresh.madeWithoutAuthority };
  const sentence = (flag: Flag): string | undefined => {
    if (flag === 'madeWithoutAuthority' && !fresh.madeWithoutAuthority) {
      return madeWithoutAuthorityEarlierReason(judged.makerRole, judged.promisedInRevision);
    }
    if (flag === 'requestedWithoutAuthority' && !requestsRelinked) return reasonFor(previous, flag);
    return reasonFor(fresh, flag);
  };
  return { ...next, reasons: FLAG_ORDER.filter((flag) => next[flag]).flatMap((flag) => sentence(flag) ?? []) };
};

/** ACCEPTED when within requirements and budget; otherwise a manager has to approve it. */
export const statusWhenMade = (judgement: CommitmentAtDecision): 'ACCEPTED' | 'PENDING_APPROVAL' =>
  judgement.outsideRequirements || judgement.outsideBudget ? 'PENDING_APPROVAL' : 'ACCEPTED';

/**
 * After a revision: an approval stands unless the revision widens what was approved (more hours,
 * other requirements): a trim or a new due date is within it. Otherwise, outside requirements or
 * budget awaits approval (anew, when the approval was for less); within them, one made without
 * authority still waits for a manager.
 */
export const statusAfterRevision = (
  previous: CommitmentStatus,
  judgement: CommitmentAtDecision,
  widened: boolean,
): 'ACCEPTED' | 'PENDING_APPROVAL' | 'APPROVED' => {
  if (previous === 'APPROVED' && !widened) return 'APPROVED';
  if (judgement.outsideRequirements || judgement.outsideBudget) return 'PENDING_APPROVAL';
  if (previous === 'APPROVED') return 'APPROVED';
  return judgement.madeWithoutAuthority ? 'PENDING_APPROVAL' : 'ACCEPTED';
};

/** With requests linked, their askers; with none, the contact it was made to asked. */
export const askedOf = (
  requests: readonly { askedWithAuthority: boolean; requesterName?: string }[],
  madeTo: { canApproveScope: boolean; name: string } | null,
): Asked =>
  requests.length > 0
    ? {
        withAuthority: requests.some((r) => r.askedWithAuthority),
        askerNames: requests.flatMap((r) => (r.requesterName ? [r.requesterName] : [])),
      }
    : { withAuthority: madeTo?.canApproveScope ?? false, askerNames: madeTo?.name ? [madeTo.name] : [] };
