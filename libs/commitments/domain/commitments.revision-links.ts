import { distinctIds } from '@cf/core';
import type { CommitmentSlot } from './commitment-slot.js';
import type { ReviseCommitment } from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import type { CommitmentRevisionChange } from './commitments.events.js';
import { existingInProject, requireLinkable } from './commitments.make.js';
import { REQUESTS, REQUIREMENTS } from './references.js';

/** What a revision links to, and which of its fields it changes. */

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

/**
 * The facts of the links a revision keeps, for the links the commitment has (the handler read
 * them from the budget stream): one they do not hold — relinked after the handler's read — is a
 * conflict to send again, never a link left unchecked.
 */
const keptFacts = <Fact extends { id: string }>(slot: CommitmentSlot, ids: readonly string[], facts?: readonly (Fact | null)[]): Fact[] =>
  facts === undefined
    ? []
    : ids.map((id) => {
        const fact = facts.find((found) => found?.id === id);
        if (!fact) throw commitmentErrors.linksNotReadable(slot.commitmentId);
        return fact;
      });

/** The new links when given (checked like the ones a commitment is made with), else the old ones. */
export const relinked = (command: ReviseCommitment, slot: CommitmentSlot) => {
  const requirementIds =
    command.requirementIds === undefined ? [...slot.requirementIds] : distinctIds('requirementIds', command.requirementIds);
  const requestIds = command.requestIds === undefined ? [...slot.requestIds] : distinctIds('requestIds', command.requestIds);
  const requirements =
    command.requirementIds === undefined
      ? keptFacts(slot, requirementIds, command.keptRequirements)
      : existingInProject(REQUIREMENTS, slot.projectId, requirementIds, command.requirements ?? []);
  const requests = command.requestIds === undefined ? [] : existingInProject(REQUESTS, slot.projectId, requestIds, command.requests ?? []);
  // A revision clears suspect marks: one that kept a link to a dead target would hide it, so it must drop it.
  const keptRequests = command.requestIds === undefined ? keptFacts(slot, requestIds, command.keptRequests) : [];
  const removed = command.requirementIds === undefined && requirements.find((r) => r.removed);
  if (removed) throw commitmentErrors.keptLinkGone('requirementIds', removed.id);
  const withdrawn = keptRequests.find((r) => r.withdrawn);
  if (withdrawn) throw commitmentErrors.keptLinkGone('requestIds', withdrawn.id);
  requireLinkable(requirements, requests);
  return { requirementIds, requestIds, requests };
};

export const changesOf = (
  slot: CommitmentSlot,
  next: { estimateHours: number; dueDate: string | null; requirementIds: string[]; requestIds: string[] },
) => {
  const changes: CommitmentRevisionChange[] = [];
  if (next.estimateHours !== slot.estimateHours) changes.push({ field: 'estimateHours', from: slot.estimateHours, to: next.estimateHours });
  if (next.dueDate !== slot.dueDate) changes.push({ field: 'dueDate', from: slot.dueDate, to: next.dueDate });
  if (!sameSet(next.requirementIds, slot.requirementIds)) {
    changes.push({ field: 'requirementIds', from: [...slot.requirementIds], to: next.requirementIds });
  }
  if (!sameSet(next.requestIds, slot.requestIds)) changes.push({ field: 'requestIds', from: [...slot.requestIds], to: next.requestIds });
  return changes;
};
