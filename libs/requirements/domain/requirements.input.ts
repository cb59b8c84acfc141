import { DomainError, derivedId, referencedFact, requiredText } from '@cf/core';
import type { TriggerInputs } from './requirements.commands.js';
import { REQUIREMENT_KEY_MAX_LENGTH, REQUIREMENT_KEY_PATTERN, requirementErrors } from './requirements.errors.js';
import type { RequirementTrigger } from './requirements.events.js';

/**
 * A requirement's id follows from its project (the hash that opened it: openingHashOf) and its
 * key, surrounding spaces and case aside, so a key is taken once its stream exists: a second add
 * of the key, on any instance, finds the stream there under the append's own expected-revision
 * check, on every store, where a read model could still lag the first add. Without the project's
 * opening hash, no one outside the project can tell from an id which keys it holds.
 */
export const requirementIdOfKey = (projectOpeningHash: string, key: string): string =>
  derivedId(`requirement-key:${projectOpeningHash}:${key.trim().toLowerCase()}`);

export const checkKey = (key: unknown): string => {
  const trimmed = requiredText('key', key, REQUIREMENT_KEY_MAX_LENGTH);
  if (!REQUIREMENT_KEY_PATTERN.test(trimmed)) {
    throw DomainError.badInput('key', 'may hold only the letters A–Z and a–z, the digits 0–9, dots, dashes and underscores');
  }
  return trimmed;
};

/** A session (first-hand) wins over a request, which it keeps; a request counts by its channel; neither means INTERNAL. */
export const buildTrigger = (inputs: TriggerInputs, projectId: string): RequirementTrigger => {
  const { requestId, sessionId } = inputs;
  const request = requestId ? referencedFact({ entity: 'Request', field: 'requestId' }, requestId, inputs.request, projectId) : undefined;
  if (sessionId && referencedFact({ entity: 'ContactSession', field: 'sessionId' }, sessionId, inputs.session, projectId).voided) {
    throw requirementErrors.sessionNotVoided(sessionId);
  }
  if (sessionId) return requestId ? { kind: 'SESSION', sessionId, requestId } : { kind: 'SESSION', sessionId };
  if (requestId && request) return { kind: 'REQUEST', requestId, channel: request.channel };
  return { kind: 'INTERNAL' };
};
