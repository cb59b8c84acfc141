import { DomainError, calendarDate, distinctIds, positiveNumber, referencedFact } from '@cf/core';
import type { ProjectRole } from '@cf/projects';
import { contactErrors } from './contacts.errors.js';
import type { SessionDeveloper } from './session.events.js';

export const MAX_SESSION_DAYS = 31;

/** A project member as the handler found them; null when the user is not a member. */
export type SessionDeveloperFacts = { readonly userId: string; readonly name: string; readonly role: ProjectRole } | null;
/** A contact as the handler found it; null when it does not exist. */
export type SessionContactFacts = {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly forgotten: boolean;
} | null;

/** The roles of members who meet customers, and so may be a session's developers. */
export const MEETS_CUSTOMERS: readonly ProjectRole[] = ['DEVELOPER', 'MANAGER'];

export const checkDate = (value: unknown): string => calendarDate('date', value);

export const checkDays = (value: unknown): number => {
  const days = positiveNumber('days', value);
  if (!Number.isInteger(days * 2)) throw DomainError.badInput('days', 'must be in steps of half a day');
  if (days > MAX_SESSION_DAYS) throw DomainError.badInput('days', `must be at most ${MAX_SESSION_DAYS}`);
  return days;
};

const requireDistinct = (field: string, ids: readonly string[]): void => {
  if (ids.length === 0) throw DomainError.badInput(field, 'must name at least one');
  distinctIds(field, ids);
};

/**
 * Developers are members who meet customers (DEVELOPER or MANAGER). `already` are those the
 * session names now: a correction keeps them even if they have since left the project.
 */
export const checkDevelopers = (
  userIds: readonly string[],
  facts: readonly SessionDeveloperFacts[],
  already: readonly SessionDeveloper[] = [],
): SessionDeveloper[] => {
  requireDistinct('developerIds', userIds);
  return userIds.map((userId, index) => {
    const member = facts[index] ?? null;
    const earlier = already.find((developer) => developer.userId === userId);
    if (member === null && earlier) return earlier;
    if (member === null) throw contactErrors.developerIsMember(userId);
    if (!MEETS_CUSTOMERS.includes(member.role)) throw contactErrors.sessionDevelopersAreDevelopers(member.name);
    return { userId, name: member.name };
  });
};

/** Contacts of the session's project who have not been forgotten. */
export const checkContacts = (contactIds: readonly string[], facts: readonly SessionContactFacts[], projectId: string): string[] => {
  requireDistinct('contactIds', contactIds);
  // referencedFact refuses a forgotten one (contactNotForgotten).
  return contactIds.map((contactId, index) => {
    referencedFact({ entity: 'Contact', field: 'contactIds' }, contactId, facts[index], projectId);
    return contactId;
  });
};
