import { judgeDraw } from './budget-judgement.js';
import { roundHours } from '@cf/core';
import type { BudgetBaseline, BudgetClassification, Drawn, Exposure } from './budget.types.js';
import type { CommitmentAtDecision, CommitmentStatus, ProjectMemberRole } from './commitments.events.js';
import {
  askerLabel,
  madeWithoutAuthorityEarlierReason,
  madeWithoutAuthorityReason,
  outsideBudgetReason,
  outsideRequirementsReason,
  raisedOutsideBudgetReason,
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
 * A raise judged at its moment after every other active commitment, on the links its history
 * rests on: the promise as raised, and as it stood just before.
 */
export interface Raise {
  raised: BudgetClassification;
  stood: BudgetClassification;
}

/**
 * What the raise adds beyond the reserve: the excess of the promise as raised less the excess it
 * stood at, each in cents as shown, so raises of a fraction of a cent add up to one.
 */
export const addedExceeds = ({ raised, stood }: Raise): number => roundHours(raised.exceedsBudgetByHours - stood.exceedsBudgetByHours);

/** What a revision asks of the judgement it records (see judgeRevision). */
export interface Rejudged {
  /** The estimate went up (Raise). */
  raise?: Raise;
  /** A reviser who is not a manager took a manager's promise outside (PromisedBy): what it took outside is theirs from then on. */
  takenOutside: boolean;
}

/** The budget part of a judgement, with its sentence when outside. */
type BudgetPart = Pick<CommitmentAtDecision, 'outsideBudget' | 'exceedsBudgetByHours' | 'budgetAtDecision'> & { reason?: string };

const budgetPartOf = (judgement: CommitmentAtDecision): BudgetPart => ({
  outsideBudget: judgement.outsideBudget,
  exceedsBudgetByHours: judgement.exceedsBudgetByHours,
  budgetAtDecision: judgement.budgetAtDecision,
  reason: reasonFor(judgement, 'outsideBudget'),
});

/**
 * A raise on the budget part it was judged with before: the hours it had keep their judgement,
 * the hours it adds take only the reserve its earlier hours left after every other active
 * commitment, since the rest was free then or was already another promise's. So a raise into
 * reserve a later promise drew is outside the budget by that much, and a promise made outside it
 * stays so. Its excess as recorded grows by what the raise adds, never beyond what the whole
 * promise exceeds at that moment: a trim and a raise back count the same hours once.
 * `budgetAtDecision` holds the numbers just before the raise (its earlier hours drawn).
 */
const raisedBudgetPart = (previous: CommitmentAtDecision, raise: Raise): BudgetPart => {
  const { raised, stood } = raise;
  const numbers = {
    ...raised.budgetAtDecision,
    remainingReserveHours: roundHours(raised.budgetAtDecision.remainingReserveHours - stood.drawHours),
  };
  const added = addedExceeds(raise);
  if (added <= 0) return previous.outsideBudget ? budgetPartOf(previous) : { ...budgetPartOf(previous), budgetAtDecision: numbers };
  const exceedsBudgetByHours = Math.max(
    previous.exceedsBudgetByHours,
    Math.min(roundHours(previous.exceedsBudgetByHours + added), raised.exceedsBudgetByHours),
  );
  const addedDraw = roundHours(raised.drawHours - stood.drawHours);
  return {
    outsideBudget: true,
    exceedsBudgetByHours,
    budgetAtDecision: numbers,
    reason: raisedOutsideBudgetReason(addedDraw, Math.max(numbers.remainingReserveHours, 0), exceedsBudgetByHours),
  };
};

/**
 * The judgement at decision a revision records: history, so it keeps what the promise was when
 * made. Who asked and whether it was outside requirements stay as they were (a relink changes
 * today's standing, `current`, never this). The budget part changes only with a raise
 * (raisedBudgetPart): a trim takes back hours, never a judgement, so a promise made outside the
 * budget stays so (its standing today, `current`, shows the trim). Authority stays the maker's: a
 * commitment once made without authority stays so (said in the past once it is within) — a
 * manager's edit never clears it, approval is the way a manager gives authority. A reviser who is
 * not a manager does not borrow a manager maker's authority (`judged.makerRole` is then theirs:
 * PromisedBy), and what they took outside is recorded as theirs: a step outside the budget by a
 * relink at its moment in the commitment's place. Undefined: nothing to record.
 */
export const judgeRevision = (previous: CommitmentAtDecision, judged: Judged, rejudged: Rejudged): CommitmentAtDecision | undefined => {
  if (!rejudged.raise && !rejudged.takenOutside) return undefined;
  const fresh = judge(judged);
  const budget = rejudged.raise
    ? raisedBudgetPart(previous, rejudged.raise)
    : rejudged.takenOutside && fresh.outsideBudget && !previous.outsideBudget
      ? budgetPartOf(fresh)
      : budgetPartOf(previous);
  const outsideRequirements = previous.outsideRequirements || (rejudged.takenOutside && fresh.outsideRequirements);
  const madeNow = judged.makerRole !== 'MANAGER' && (outsideRequirements || budget.outsideBudget);
  const next = {
    outsideRequirements,
    outsideBudget: budget.outsideBudget,
    exceedsBudgetByHours: budget.exceedsBudgetByHours,
    madeWithoutAuthority: previous.madeWithoutAuthority || madeNow,
    requestedWithoutAuthority: previous.requestedWithoutAuthority,
  };
  const sentence = (flag: Flag): string | undefined => {
    if (flag === 'outsideRequirements') return reasonFor(previous.outsideRequirements ? previous : fresh, flag);
    if (flag === 'outsideBudget') return budget.reason;
    if (flag === 'requestedWithoutAuthority') return reasonFor(previous, flag);
    return madeNow
      ? madeWithoutAuthorityReason(judged.makerRole, outsideRequirements, budget.outsideBudget, judged.promisedInRevision)
      : madeWithoutAuthorityEarlierReason(judged.makerRole, judged.promisedInRevision);
  };
  return {
    ...next,
    reasons: FLAG_ORDER.filter((flag) => next[flag]).flatMap((flag) => sentence(flag) ?? []),
    budgetAtDecision: budget.budgetAtDecision,
  };
};

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
