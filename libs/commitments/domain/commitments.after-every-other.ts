import type { BudgetState, CommitmentSlot } from './budget.state.js';
import { judgeDraw } from './budget-judgement.js';
import type { ReviseCommitment } from './commitments.commands.js';
import { budgetHoursOf } from './commitments.make.js';
import type { Raise } from './commitments.revision-judgement.js';
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
