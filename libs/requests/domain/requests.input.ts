import { DomainError } from '@cf/core';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, requestErrors } from './requests.errors.js';

/** A required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (field: string, value: unknown, max = DESCRIPTION_MAX_LENGTH): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw DomainError.badInput(field, 'must not be empty');
  if (text.length > max) throw DomainError.badInput(field, `must be at most ${max} characters`);
  return text;
};

export const checkTitle = (title: unknown): string => requiredText('title', title, TITLE_MAX_LENGTH);

export const checkDescription = (description: unknown): string => {
  if (typeof description !== 'string') throw DomainError.badInput('description', 'must be text');
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    throw DomainError.badInput('description', `must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
  }
  return description;
};

export const checkOneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (!allowed.includes(value as T)) throw DomainError.badInput(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
};

/** A referenced thing must exist (NOT_FOUND) and belong to the request's project ('sameProject'). */
export const checkFact = <Fact extends { projectId: string }>(
  entity: string,
  id: string,
  fact: Fact | null | undefined,
  projectId: string,
): Fact => {
  if (fact === null || fact === undefined) throw DomainError.notFound(entity, id);
  if (fact.projectId !== projectId) throw requestErrors.sameProject(entity, id);
  return fact;
};
