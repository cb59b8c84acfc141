import { roundHours } from '@cf/core';
import type { BudgetClassification } from './budget.types.js';
import type { CommitmentAtDecision } from './commitments.events.js';
import { FLAG_ORDER, type Flag, type Judged, judge, reasonFor } from './commitments.judgement.js';
import {
  type StepTaken,
  madeWithoutAuthorityEarlierReason,
  madeWithoutAuthorityReason,
  raisedOutsideBudgetReason,
} from './commitments.reasons.js';

/**
 * A revision's step, judged at its moment after every other active commitment (revisedStep): the
 * promise as the revision leaves it, and as it stood just before; `by` names what moved it, as the
 * reason says.
 */
export interface RevisionStep {
  leaves: BudgetClassification;
  stood: BudgetClassification;
  by: StepTaken;
}

/**
 * What the step adds beyond the reserve: the excess of the promise as revised less the excess it
 * stood at, each in cents as shown, so raises of a fraction of a cent add up to one.
 */
export const addedExceeds = ({ leaves, stood }: RevisionStep): number =>
  roundHours(leaves.exceedsBudgetByHours - stood.exceedsBudgetByHours);

/** What a revision asks of the judgement it records (see judgeRevision). */
export interface Rejudged {
  /** The estimate or the links changed (revisedStep): what the revision adds beyond the reserve. */
  step?: RevisionStep;
  /** A reviser who is not a manager took the promise outside, a manager's (PromisedBy) or their own: what they took outside is recorded. */
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
 * A revision's step (a raise, a relink, or both) on the budget part it was judged with before: the
 * hours it had keep their judgement, what it adds takes only the reserve its earlier draw left
 * after every other active commitment, since the rest was free then or was already another
 * promise's. So a raise or a relink into reserve a later promise drew is outside the budget by that
 * much, and a promise made outside it stays so. Its excess as recorded grows by what the step adds,
 * never beyond what the whole promise exceeds at that moment: a trim and a raise back count the
 * same hours once. `budgetAtDecision` holds the numbers just before the step (its earlier draw).
 */
const steppedBudgetPart = (previous: CommitmentAtDecision, step: RevisionStep): BudgetPart => {
  const { leaves, stood } = step;
  const numbers = {
    ...leaves.budgetAtDecision,
    remainingReserveHours: roundHours(leaves.budgetAtDecision.remainingReserveHours - stood.drawHours),
  };
  const added = addedExceeds(step);
  if (added <= 0) return previous.outsideBudget ? budgetPartOf(previous) : { ...budgetPartOf(previous), budgetAtDecision: numbers };
  const exceedsBudgetByHours = Math.max(
    previous.exceedsBudgetByHours,
    Math.min(roundHours(previous.exceedsBudgetByHours + added), leaves.exceedsBudgetByHours),
  );
  const addedDraw = roundHours(leaves.drawHours - stood.drawHours);
  return {
    outsideBudget: true,
    exceedsBudgetByHours,
    budgetAtDecision: numbers,
    // The part beyond is what this step's own draw does not fit (addedDraw less the reserve), not how
    // far the excess as made grew: hours a promise exceeded by when made may have come inside since.
    reason: raisedOutsideBudgetReason(addedDraw, numbers.remainingReserveHours, added, exceedsBudgetByHours, step.by),
  };
};

/**
 * The judgement at decision a revision records: history, so it keeps what the promise was when
 * made. Who asked and whether it was outside requirements stay as they were (a relink changes
 * today's standing, `current`, never this). The budget part changes only with a raise, or a
 * relink that moves hours beyond the reserve left after every other active commitment
 * (steppedBudgetPart, for both: a revision's step): a trim takes back hours, never a judgement, so
 * a promise made outside the budget stays so (its standing today, `current`, shows the trim).
 * Authority stays the maker's: a commitment once made without authority stays so (said in the
 * past once it is within) — a manager's edit never clears it, approval is the way a manager gives
 * authority. A promise taken outside rests on the authority of whoever took it there
 * (`judged.makerRole` is then theirs: PromisedBy): what a reviser who is not a manager took outside
 * is recorded as theirs, requirements as they left it, the budget only by a step; a manager's step
 * is made with authority. Undefined: nothing to record.
 */
export const judgeRevision = (previous: CommitmentAtDecision, judged: Judged, rejudged: Rejudged): CommitmentAtDecision | undefined => {
  if (!rejudged.step && !rejudged.takenOutside) return undefined;
  const fresh = judge(judged);
  // Only a step moves the budget part: a promise's place alone says nothing of what a revision took.
  const budget = rejudged.step ? steppedBudgetPart(previous, rejudged.step) : budgetPartOf(previous);
  const outsideRequirements = previous.outsideRequirements || (rejudged.takenOutside && fresh.outsideRequirements);
  const madeNow = judged.makerRole !== 'MANAGER' && (outsideRequirements || budget.outsideBudget);
  const next = {
    outsideRequirements,
    outsideBudget: budget.outsideBudget,
    exceedsBudgetByHours: budget.exceedsBudgetByHours,
    madeWithoutAuthority: previous.madeWithoutAuthority || madeNow,
    requestedWithoutAuthority: previous.requestedWithoutAuthority,
  };
  // A reviser who took a promise outside answers for what they took it outside of: requirements as
  // they left it, the budget only when this revision stepped outside it (a manager's excess is the manager's).
  const taken = rejudged.takenOutside
    ? {
        requirements: fresh.outsideRequirements,
        budget: rejudged.step !== undefined && addedExceeds(rejudged.step) > 0,
      }
    : { requirements: outsideRequirements, budget: budget.outsideBudget };
  const sentence = (flag: Flag): string | undefined => {
    if (flag === 'outsideRequirements') return reasonFor(previous.outsideRequirements ? previous : fresh, flag);
    if (flag === 'outsideBudget') return budget.reason;
    if (flag === 'requestedWithoutAuthority') return reasonFor(previous, flag);
    if (madeNow) {
      return madeWithoutAuthorityReason(
        judged.makerRole,
        taken.requirements,
        taken.budget || !taken.requirements,
        judged.promisedInRevision,
      );
    }
    // Taken on by a manager now, it was made without authority by someone else before: that sentence stays.
    if (judged.makerRole === 'MANAGER') return reasonFor(previous, flag);
    return madeWithoutAuthorityEarlierReason(judged.makerRole, judged.promisedInRevision);
  };
  return {
    ...next,
    reasons: FLAG_ORDER.filter((flag) => next[flag]).flatMap((flag) => sentence(flag) ?? []),
    budgetAtDecision: budget.budgetAtDecision,
  };
};
