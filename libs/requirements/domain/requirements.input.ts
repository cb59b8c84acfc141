import { DomainError, referencedFact, requiredText } from '@cf/core';
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

/** A request wins over a session (its channel recorded, the session kept); neither means INTERNAL. */
export const buildTrigger = (inputs: TriggerInputs, projectId: string): RequirementTrigger => {
  const { requestId, sessionId } = inputs;
  if (requestId) referencedFact('Request', requestId, inputs.request, projectId, requirementErrors.sameProject);
  if (sessionId) referencedFact('ContactSession', sessionId, inputs.session, projectId, requirementErrors.sameProject);
  if (requestId && inputs.request) {
    const channel = inputs.request.channel;
    return sessionId ? { kind: 'REQUEST', requestId, channel, sessionId } : { kind: 'REQUEST', requestId, channel };
  }
  if (sessionId) return { kind: 'SESSION', sessionId };
  return { kind: 'INTERNAL' };
};
