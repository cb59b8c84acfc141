import { DomainError } from '@cf/core';
import type { TriggerInputs } from './requirements.commands.js';
import {
  REQUIREMENT_KEY_MAX_LENGTH,
  REQUIREMENT_KEY_PATTERN,
  REQUIREMENT_TEXT_MAX_LENGTH,
  REQUIREMENT_TITLE_MAX_LENGTH,
  requirementErrors,
} from './requirements.errors.js';
import type { RequirementTrigger } from './requirements.events.js';

export const checkKey = (key: unknown): string => {
  const trimmed = typeof key === 'string' ? key.trim() : '';
  if (trimmed.length === 0) throw DomainError.badInput('key', 'must not be empty');
  if (trimmed.length > REQUIREMENT_KEY_MAX_LENGTH) {
    throw DomainError.badInput('key', `must be at most ${REQUIREMENT_KEY_MAX_LENGTH} characters`);
  }
  if (!REQUIREMENT_KEY_PATTERN.test(trimmed)) {
    throw DomainError.badInput('key', 'may hold only letters, digits, dots, dashes and underscores');
  }
  return trimmed;
};

export const requiredText = (field: string, value: unknown, max: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw DomainError.badInput(field, 'must not be empty');
  if (text.length > max) throw DomainError.badInput(field, `must be at most ${max} characters`);
  return text;
};

export const checkTitle = (title: unknown): string => requiredText('title', title, REQUIREMENT_TITLE_MAX_LENGTH);

export const checkText = (text: unknown): string => {
  if (typeof text !== 'string') throw DomainError.badInput('text', 'must be text');
  if (text.length > REQUIREMENT_TEXT_MAX_LENGTH) {
    throw DomainError.badInput('text', `must be at most ${REQUIREMENT_TEXT_MAX_LENGTH} characters`);
  }
  return text;
};

export const checkHours = (hours: unknown): number => {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw DomainError.badInput('estimateHours', 'must be a number of hours, zero or more');
  }
  return hours;
};

const checkFact = (entity: string, id: string, fact: { projectId: string } | null | undefined, projectId: string) => {
  if (fact === null || fact === undefined) throw DomainError.notFound(entity, id);
  if (fact.projectId !== projectId) throw requirementErrors.sameProject(entity, id);
};

/** A request wins over a session (its channel recorded, the session kept); neither means INTERNAL. */
export const buildTrigger = (inputs: TriggerInputs, projectId: string): RequirementTrigger => {
  const { requestId, sessionId } = inputs;
  if (requestId) checkFact('Request', requestId, inputs.request, projectId);
  if (sessionId) checkFact('ContactSession', sessionId, inputs.session, projectId);
  if (requestId && inputs.request) {
    const channel = inputs.request.channel;
    return sessionId ? { kind: 'REQUEST', requestId, channel, sessionId } : { kind: 'REQUEST', requestId, channel };
  }
  if (sessionId) return { kind: 'SESSION', sessionId };
  return { kind: 'INTERNAL' };
};
