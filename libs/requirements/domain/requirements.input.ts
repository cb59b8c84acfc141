import { DomainError, derivedId, referencedFact, requiredText } from '@cf/core';
import type { TriggerInputs } from './requirements.commands.js';
import { REQUIREMENT_KEY_MAX_LENGTH, REQUIREMENT_KEY_PATTERN, requirementErrors } from './requirements.errors.js';
import type { RequirementTrigger } from './requirements.events.js';

export const checkKey = (key: unknown): string => {
  const trimmed = requiredText('key', key, REQUIREMENT_KEY_MAX_LENGTH);
  if (!REQUIREMENT_KEY_PATTERN.test(trimmed)) {
    throw DomainError.badInput('key', 'may hold only letters, digits, dots, dashes and underscores');
  }
  return trimmed;
};

/**
 * A requirement's id, named by its project and key (trimmed, in any case): two adds of one key, on
 * any instances, append to one stream, so the store's append under that stream's revision keeps a
 * project's keys unique where a read model could not yet see the other add. A removed requirement's
 * stream stays, and so its key stays taken. Requirements added before ids were named so keep theirs
 * (the read model's `keyTaken` finds their keys).
 */
export const requirementIdOfKey = (projectId: string, key: string): string =>
  derivedId(`requirement:${projectId}:${key.trim().toLowerCase()}`);

/** A session (first-hand) wins over a request, which it keeps; a request counts by its channel; neither means INTERNAL. */
export const buildTrigger = (inputs: TriggerInputs, projectId: string): RequirementTrigger => {
  const { requestId, sessionId } = inputs;
  const request = requestId ? referencedFact('Request', requestId, inputs.request, projectId, requirementErrors.sameProject) : undefined;
  if (sessionId && referencedFact('ContactSession', sessionId, inputs.session, projectId, requirementErrors.sameProject).voided) {
    throw requirementErrors.sessionNotVoided(sessionId);
  }
  if (sessionId) return requestId ? { kind: 'SESSION', sessionId, requestId } : { kind: 'SESSION', sessionId };
  if (requestId && request) return { kind: 'REQUEST', requestId, channel: request.channel };
  return { kind: 'INTERNAL' };
};
