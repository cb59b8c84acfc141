import type { BudgetState, CommitmentSlot } from './budget.state.js';
import { judgeDraw } from './budget-judgement.js';
import type { ReviseCommitment } from './commitments.commands.js';
import { budgetHoursOf } from './commitments.make.js';
import { type RevisionStep, addedExceeds } from './commitments.revision-judgement.js';
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
 * A revision of the estimate or links at its moment, against every other active commitment: the
 * promise as the revision leaves it (its new links and hours) and as it stood just before (its
 * links and hours then), so what it adds beyond the reserve — drawn onto reserve no promise drew by
 * then, or a later promise drew — is judged whole, whatever its place and whichever part moved the
 * hours: a relink that frees reserve while a raise takes some takes only the difference, and a
 * trim is never a step. A raise is always judged (judgeRevision keeps its numbers); a revision
 * that raises nothing only when it takes more beyond the reserve. Undefined: no step.
 */
export const revisedStep = (
  judged: AfterEveryOther,
  slot: CommitmentSlot,
  revised: { estimateHours: number; requirementIds: readonly string[]; relinked: boolean },
): RevisionStep | undefined => {
  const raised = revised.estimateHours > slot.estimateHours;
  if (!raised && !revised.relinked) return undefined;
  const step: RevisionStep = {
    leaves: judged(revised.requirementIds, revised.estimateHours),
    stood: judged(slot.requirementIds, slot.estimateHours),
    by: raised && revised.relinked ? 'raise and relink' : raised ? 'raise' : 'relink',
  };
  return raised || addedExceeds(step) > 0 ? step : undefined;
};
