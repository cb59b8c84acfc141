import type { BudgetState, CommitmentSlot } from './budget.state.js';
import { judgeDraw } from './budget-judgement.js';
import type { ReviseCommitment } from './commitments.commands.js';
import { budgetHoursOf } from './commitments.make.js';
import { type Raise, addedExceeds } from './commitments.revision-judgement.js';
import { exposureOfActive } from './commitments.standing.js';

/** The promise at some hours on some links, judged after every other active commitment (what they draw, summed once). */
type AfterEveryOther = (requirementIds: readonly string[], estimateHours: number) => ReturnType<typeof judgeDraw>;
export const afterEveryOther = (state: BudgetState, slot: CommitmentSlot, command: ReviseCommitment): AfterEveryOther => {
  let others: ReturnType<typeof exposureOfActive> | undefined;
  return (requirementIds, estimateHours) =>
    judgeDraw(
      { estimateHours, requirementIds },
      (others ??= exposureOfActive(state, slot.commitmentId)),
      budgetHoursOf(state, command),
      state.baseline,
    );
};

/**
 * A raise at its moment, on the links its history rests on, against every other active
 * commitment: the promise as raised and as it stood, so the hours it adds are judged by what they
 * take beyond the reserve its earlier hours left (judgeRevision), whatever links it has today.
 */
export const raisedHours = (
  judged: AfterEveryOther,
  slot: CommitmentSlot,
  estimateHours: number,
  requirementIds: readonly string[],
): Raise => ({
  raised: judged(requirementIds, estimateHours),
  stood: judged(requirementIds, slot.estimateHours),
});

/**
 * A relink at its moment, against every other active commitment: the promise on its new links and
 * on those it had, at the hours both share (a trim takes back hours before they move). Only one
 * that takes more beyond the reserve than the promise took there before is a step outside: the
 * reserve it moves onto was another promise's, as a raise's added hours would be. Undefined: it
 * takes nothing more.
 */
export const movedHours = (
  judged: AfterEveryOther,
  slot: CommitmentSlot,
  estimateHours: number,
  requirementIds: readonly string[],
): Raise | undefined => {
  const hours = Math.min(estimateHours, slot.estimateHours);
  const moved: Raise = { raised: judged(requirementIds, hours), stood: judged(slot.requirementIds, hours), relink: true };
  return addedExceeds(moved) > 0 ? moved : undefined;
};

/** Of a raise and a relink in one revision, the one that takes more beyond the reserve (the raise when even). */
export const widerStep = (raise: Raise | undefined, moved: Raise | undefined): Raise | undefined =>
  !moved || (raise && addedExceeds(raise) >= addedExceeds(moved)) ? raise : moved;
