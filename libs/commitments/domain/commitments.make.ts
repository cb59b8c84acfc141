import { DomainError, calendarDate, oneOf, positiveNumber, referencedFact, requiredText } from '@cf/core';
import { classifyNewCommitment, statusFor, type AskingContact } from './commitments.classification.js';
import type { MakeCommitment } from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import { PROJECT_MEMBER_ROLES, type CommitmentMade } from './commitments.events.js';
import type { CommitmentState } from './commitments.state.js';

const SUMMARY_MAX_LENGTH = 200;

const distinctIds = (field: string, ids: readonly string[]): string[] => {
  if (new Set(ids).size !== ids.length) throw DomainError.badInput(field, 'lists the same id twice');
  return [...ids];
};

const sameProject = (entity: string, id: string) => commitmentErrors.sameProject(entity.toLowerCase(), id);

/** Each referenced fact must exist (NOT_FOUND) and belong to the commitment's project (sameProject). */
const existingInProject = <Fact extends { projectId: string }>(
  entity: string,
  projectId: string,
  ids: readonly string[],
  facts: readonly (Fact | null | undefined)[],
): Fact[] => ids.map((id, index) => referencedFact(entity, id, facts[index], projectId, sameProject));

/**
 * The asking contacts: the requesters of the linked requests, or, when no request is linked,
 * the contact the commitment was made to.
 */
const askingContacts = (command: MakeCommitment, requests: RequestFacts): AskingContact[] =>
  requests.length > 0
    ? requests.map((request) => request.requestedBy)
    : command.madeTo === null
      ? []
      : [{ id: command.madeTo.id, canApproveScope: command.madeTo.canApproveScope, name: command.madeTo.name }];

type RequestFacts = NonNullable<MakeCommitment['requests'][number]>[];

export const makeCommitment = (command: MakeCommitment, state: CommitmentState): CommitmentMade[] => {
  if (state.exists) throw commitmentErrors.alreadyExists(command.commitmentId);
  const summary = requiredText('summary', command.summary, SUMMARY_MAX_LENGTH);
  const estimateHours = positiveNumber('estimateHours', command.estimateHours);
  const dueDate = command.dueDate === undefined ? undefined : calendarDate('dueDate', command.dueDate);
  const makerRole = oneOf('makerRole', command.makerRole, PROJECT_MEMBER_ROLES);
  const requestIds = distinctIds('requestIds', command.requestIds);
  const requirementIds = distinctIds('requirementIds', command.requirementIds);

  referencedFact('Contact', command.madeToId, command.madeTo, command.projectId, sameProject);
  const requests = existingInProject('Request', command.projectId, requestIds, command.requests);
  existingInProject('Requirement', command.projectId, requirementIds, command.requirements);

  const classification = classifyNewCommitment({
    candidate: { commitmentId: command.commitmentId, estimateHours, requirementIds },
    budget: command.budget,
    makerRole,
    askingContacts: askingContacts(command, requests),
  });
  return [
    {
      type: 'CommitmentMade',
      data: {
        commitmentId: command.commitmentId,
        projectId: command.projectId,
        summary,
        madeBy: { userId: command.actor.userId, name: command.actor.name },
        madeToId: command.madeToId,
        requestIds,
        requirementIds,
        estimateHours,
        ...(dueDate !== undefined ? { dueDate } : {}),
        ...(command.sessionId !== undefined ? { sessionId: command.sessionId } : {}),
        status: statusFor(classification),
        classification,
        at: command.at,
      },
    },
  ];
};
