import { calendarDate, oneOf, requiredText, positiveHours } from '@cf/core';
import type { BudgetState, CommitmentSlot } from './budget.state.js';
import type { PromisedBy } from './commitment-slot.js';
import type { ReviseCommitment } from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import { exposureBefore } from './commitments.standing.js';
import { isWithinRequirements } from './budget.js';
import { PROJECT_MEMBER_ROLES, type CommitmentRevised } from './commitments.events.js';
import { type Judged, askedOf, judge, judgementFlags, statusAfterRevision } from './commitments.judgement.js';
import { addedExceeds, judgeRevision } from './commitments.revision-judgement.js';
import { afterEveryOther, revisedStep } from './commitments.after-every-other.js';
import { budgetHoursOf } from './commitments.make.js';
import { changesOf, relinked } from './commitments.revision-links.js';

/**
 * Whether a revision takes a promise outside: outside requirements where it was not, or more hours
 * on a promise that stays outside them, or a step beyond the reserve left after every other active
 * promise (revisedStep: where it stands in its place alone moves with the others' draws, so a relink
 * that takes nothing more is no step, though it change which promise overruns first). A trim or a
 * due date moves nothing outside: the manager's authority still covers what is left of their promise.
 */
const takesOutside = (outsideRequirements: { before: boolean; after: boolean }, raised: boolean, stepsOutside: boolean): boolean =>
  stepsOutside || (outsideRequirements.after && (!outsideRequirements.before || raised));

/**
 * A revision changes the estimate, the due date or the links (new links replace the old ones), or
 * names the links it reviews.
 * Its status follows the promise as it is now (in its place in the draw order), a step outside the
 * budget at its moment counted as outside; its history (judgeRevision) keeps what it was when made,
 * and what a raise or a relink adds beyond the reserve, judged whole at its moment after every
 * active commitment (revisedStep). Authority stays the maker's, except that a promise taken
 * outside rests on the authority of whoever took it there (PromisedBy). More hours or other
 * requirements end a change order's cover.
 */
export const reviseCommitment = (command: ReviseCommitment, slot: CommitmentSlot, state: BudgetState): CommitmentRevised[] => {
  if (command.expectedRevision != null && command.expectedRevision !== slot.revision) {
    throw commitmentErrors.unexpectedRevision(slot.commitmentId, slot.revision, command.expectedRevision);
  }
  const reason = requiredText('reason', command.reason);
  const estimateHours = command.estimateHours === undefined ? slot.estimateHours : positiveHours('estimateHours', command.estimateHours);
  const dueDate = command.dueDate === undefined ? slot.dueDate : command.dueDate === null ? null : calendarDate('dueDate', command.dueDate);
  const links = relinked(command, slot);
  const changes = changesOf(slot, { estimateHours, dueDate, ...links });
  // Links named again unchanged are links reviewed: "still holds" clears their suspect marks, recorded with
  // its reason. An empty list names none: it reviews nothing.
  const reviewsLinks = (command.requirementIds?.length ?? 0) + (command.requestIds?.length ?? 0) > 0;
  if (changes.length === 0 && !reviewsLinks) throw commitmentErrors.revisionChangesSomething();
  const rejudged = changes.some((c) => c.field !== 'dueDate');
  const reviserRole = oneOf('reviserRole', command.reviserRole, PROJECT_MEMBER_ROLES);
  const raised = estimateHours > slot.estimateHours;
  // Only more hours or other requirements can draw more, or take a promise anywhere; a trim judged
  // after a budget cut is no step outside.
  const requirementsRelinked = changes.some((c) => c.field === 'requirementIds');
  const widened = raised || requirementsRelinked;
  // An approval and a change order's cover were given for hours on requirements: they stand through
  // anything else, a raise back up to those hours after a trim included. Only a raise can go
  // beyond them (a commitment may stand above them: raised inside the budget, or in an older log).
  const beyond = (given: number | null) => requirementsRelinked || (raised && estimateHours > (given ?? slot.estimateHours));
  const widensApproval = beyond(slot.approvedHours);
  const backWithin = slot.approvedHours !== null && !requirementsRelinked && estimateHours <= slot.approvedHours;
  const endsCover = slot.covered && beyond(slot.coveredHours);
  const place = endsCover ? { ...slot, covered: false } : slot;
  // What those drawn before it draw, summed once: a sum over every commitment of the project.
  const beforePlace = exposureBefore(state, place);
  const judged = (promisedBy: PromisedBy): Judged => ({
    candidate: { estimateHours, requirementIds: links.requirementIds },
    before: beforePlace,
    budgetHours: budgetHoursOf(state, command),
    baseline: state.baseline,
    makerRole: promisedBy.role,
    promisedInRevision: promisedBy.inRevision,
    asked: askedOf(links.requests, { canApproveScope: slot.madeToCouldApproveScope, name: command.madeTo?.name ?? '' }),
  });
  const afterOthers = afterEveryOther(state, slot, command);
  const step = revisedStep(afterOthers, slot, { estimateHours, requirementIds: links.requirementIds, relinked: requirementsRelinked });
  const stepsOutside = step !== undefined && addedExceeds(step) > 0;
  // A promise taken outside requirements or the budget rests on the authority of whoever took it there: a manager's
  // on a developer's who did, a developer's on a manager's who did (it waits for approval either way).
  const outsideRequirements = {
    before: !isWithinRequirements(slot.requirementIds, state.baseline),
    after: !isWithinRequirements(links.requirementIds, state.baseline),
  };
  const takenOutside = rejudged && widened && takesOutside(outsideRequirements, raised, stepsOutside);
  const takenByOtherAuthority = (slot.promisedBy.role === 'MANAGER') !== (reviserRole === 'MANAGER');
  const promisedByReviser = takenOutside && takenByOtherAuthority ? reviserRole : undefined;
  const promisedBy = promisedByReviser ? { role: promisedByReviser, inRevision: true } : slot.promisedBy;
  // The promise as the revision leaves it, in its place in the draw order (today's standing), and as its status
  // reads it: a step outside the budget at its moment counted as outside (revisedStep), so it awaits approval.
  const asLeft = judge(judged(promisedBy));
  const now = stepsOutside ? { ...asLeft, outsideBudget: true } : asLeft;
  // Whoever is not a manager and takes a promise outside, a manager's or their own, records it as made: it waits for a manager.
  const takenWithoutAuthority = takenOutside && reviserRole !== 'MANAGER';
  const atDecision = judgeRevision(slot.atDecision, judged(promisedBy), { step, takenOutside: takenWithoutAuthority });
  // Made without authority once, it waits for a manager still.
  const madeWithoutAuthority = now.madeWithoutAuthority || (atDecision ?? slot.atDecision).madeWithoutAuthority;
  // Recorded outside the budget, it waits for approval until it fits after every other active promise, on the
  // links it has now: a trim of a cent does not send a promise that took others' reserve back to ACCEPTED.
  const stillOutside = !raised && slot.atDecision.outsideBudget && afterOthers(links.requirementIds, estimateHours).outsideBudget;
  const standing = { ...now, outsideBudget: now.outsideBudget || stillOutside, madeWithoutAuthority };
  // A new due date alone moves nothing in or out: the status stays as it is (open: budget.decide revises no other).
  const status = rejudged
    ? statusAfterRevision(slot.status, standing, { widened: widensApproval, backWithin })
    : (slot.status as CommitmentRevised['data']['status']);
  return [
    {
      type: 'CommitmentRevised',
      data: {
        commitmentId: slot.commitmentId,
        projectId: slot.projectId,
        revision: slot.revision + 1,
        estimateHours,
        ...(dueDate !== null ? { dueDate } : {}),
        requirementIds: links.requirementIds,
        requestIds: links.requestIds,
        changes,
        reason,
        status,
        ...(atDecision ? { atDecision } : {}),
        // Today's standing as the revision leaves it, judged as `current` is (in its place in the draw order).
        ...(rejudged ? { judgedAtRevision: judgementFlags(asLeft) } : {}),
        ...(promisedByReviser ? { promisedByReviser } : {}),
        ...(endsCover ? { endsCover } : {}),
        by: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};
