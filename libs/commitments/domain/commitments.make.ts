import { DomainError } from '@cf/core';
import { classifyNewCommitment, statusFor, type AskingContact } from './commitments.classification.js';
import type { MakeCommitment } from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import type { CommitmentMade } from './commitments.events.js';
import type { CommitmentState } from './commitments.state.js';
import {
  SUMMARY_MAX_LENGTH,
  calendarDate,
  distinctIds,
  memberRole,
  positiveHours,
  requiredText,
} from './commitments.values.js';

/** Each referenced fact must exist (NOT_FOUND) and belong to the commitment's project (sameProject). */
const existingInProject = <Fact extends { projectId: string }>(
  entity: string,
  projectId: string,
  ids: readonly string[],
  facts: readonly (Fact | null | undefined)[],
): Fact[] =>
  ids.map((id, index) => {
    const fact = facts[index];
    if (fact === null || fact === undefined) throw DomainError.notFound(entity, id);
    if (fact.projectId !== projectId) throw commitmentErrors.sameProject(entity.toLowerCase(), id);
    return fact;
  });

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
  const estimateHours = positiveHours('estimateHours', command.estimateHours);
  const dueDate = command.dueDate === undefined ? undefined : calendarDate('dueDate', command.dueDate);
  const makerRole = memberRole('makerRole', command.makerRole);
  const requestIds = distinctIds('requestIds', command.requestIds);
  const requirementIds = distinctIds('requirementIds', command.requirementIds);

  if (command.madeTo === null) throw DomainError.notFound('Contact', command.madeToId);
  if (command.madeTo.projectId !== command.projectId) throw commitmentErrors.sameProject('contact', command.madeToId);
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
