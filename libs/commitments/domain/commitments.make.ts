import { type Reference, calendarDate, distinctIds, oneOf, referencedFact, requiredText, positiveHours } from '@cf/core';
import type { BudgetState } from './budget.state.js';
import type { MakeCommitment } from './commitments.commands.js';
import type { RequestFact, RequirementFact, SessionFact } from './commitments.facts.js';
import { commitmentErrors } from './commitments.errors.js';
import { REQUESTS, REQUIREMENTS } from './references.js';
import { PROJECT_MEMBER_ROLES, type CommitmentMade } from './commitments.events.js';
import { askedOf, judge, statusWhenMade } from './commitments.judgement.js';

const SUMMARY_MAX_LENGTH = 200;

/** Each referenced fact must exist in the commitment's project (NOT_FOUND, another project's too). */
export const existingInProject = <Fact extends { projectId: string }>(
  reference: Reference,
  projectId: string,
  ids: readonly string[],
  facts: readonly (Fact | null | undefined)[],
): Fact[] => ids.map((id, index) => referencedFact(reference, id, facts[index], projectId));

/**
 * A removed requirement or a withdrawn request is no target for a commitment made or revised: a
 * promise on descoped work would read as within requirements, one on a withdrawn request as asked
 * for. A commitment that has such a link shows it as suspect until a revision drops it.
 */
export const requireLinkable = (requirements: readonly RequirementFact[], requests: readonly RequestFact[]): void => {
  const removed = requirements.find((r) => r.removed);
  if (removed) throw commitmentErrors.requirementNotRemoved(removed.id);
  const withdrawn = requests.find((r) => r.withdrawn);
  if (withdrawn) throw commitmentErrors.requestNotWithdrawn(withdrawn.id);
};

/** The session a commitment was made in: it took place, and the contact it was made to was there. */
const madeInSession = (command: MakeCommitment, sessionId: string): void => {
  const [session] = existingInProject<SessionFact>(
    { entity: 'ContactSession', field: 'sessionId' },
    command.projectId,
    [sessionId],
    [command.session],
  );
  if (session.voided) throw commitmentErrors.sessionNotVoided(sessionId);
  if (!session.contactIds.includes(command.madeToId)) throw commitmentErrors.madeToAttendedSession(sessionId);
};

export const budgetHoursOf = (state: BudgetState, command: { openingBudgetHours: number }): number =>
  state.budgetHours ?? command.openingBudgetHours;

/** Judged after every active commitment of the project: the reserve they left is what it may draw. */
export const makeCommitment = (command: MakeCommitment, state: BudgetState): CommitmentMade[] => {
  if (state.commitments.has(command.commitmentId)) throw commitmentErrors.alreadyExists(command.commitmentId);
  const summary = requiredText('summary', command.summary, SUMMARY_MAX_LENGTH);
  const estimateHours = positiveHours('estimateHours', command.estimateHours);
  const dueDate = command.dueDate === undefined ? undefined : calendarDate('dueDate', command.dueDate);
  const makerRole = oneOf('makerRole', command.makerRole, PROJECT_MEMBER_ROLES);
  const requestIds = distinctIds('requestIds', command.requestIds);
  const requirementIds = distinctIds('requirementIds', command.requirementIds);

  const madeTo = referencedFact({ entity: 'Contact', field: 'madeToId' }, command.madeToId, command.madeTo, command.projectId);
  const requests = existingInProject(REQUESTS, command.projectId, requestIds, command.requests);
  requireLinkable(existingInProject(REQUIREMENTS, command.projectId, requirementIds, command.requirements), requests);
  if (command.sessionId !== undefined) madeInSession(command, command.sessionId);

  const atDecision = judge({
    candidate: { estimateHours, requirementIds },
    before: state.exposure,
    budgetHours: budgetHoursOf(state, command),
    baseline: state.baseline,
    makerRole,
    asked: askedOf(requests, madeTo),
  });
  return [
    {
      type: 'CommitmentMade',
      data: {
        commitmentId: command.commitmentId,
        projectId: command.projectId,
        summary,
        madeBy: { userId: command.actor.userId, name: command.actor.name },
        makerRole,
        madeToId: command.madeToId,
        madeToCouldApproveScope: madeTo.canApproveScope,
        requestIds,
        requirementIds,
        estimateHours,
        ...(dueDate !== undefined ? { dueDate } : {}),
        ...(command.sessionId !== undefined ? { sessionId: command.sessionId } : {}),
        status: statusWhenMade(atDecision),
        atDecision,
        at: command.at,
      },
    },
  ];
};
