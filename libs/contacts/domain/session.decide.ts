import {
  DomainError,
  calendarDate,
  oneOf,
  optionalText,
  positiveNumber,
  referencedFact,
  withoutUndefined,
  type Decider,
} from '@cf/core';
import type { ProjectRole } from '@cf/projects';
import type { Actor } from './contacts.decide.js';
import { contactErrors } from './contacts.errors.js';
import { SESSION_KINDS, type SessionDeveloper, type SessionEvent, type SessionKind } from './session.events.js';
import { evolveSession, initialSessionState, type SessionState } from './session.state.js';

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

export interface LogContactSession {
  readonly type: 'LogContactSession';
  readonly sessionId: string;
  readonly projectId: string;
  readonly date: string;
  readonly days: number;
  readonly kind: SessionKind;
  readonly developerIds: readonly string[];
  /** One entry per developerIds entry, in the same order. */
  readonly developers: readonly SessionDeveloperFacts[];
  readonly contactIds: readonly string[];
  /** One entry per contactIds entry, in the same order. */
  readonly contacts: readonly SessionContactFacts[];
  readonly notes?: string | null;
  readonly at: string;
  readonly actor: Actor;
}

export type SessionCommand = LogContactSession;

const checkDays = (value: number): number => {
  const days = positiveNumber('days', value);
  if (!Number.isInteger(days * 2)) throw DomainError.badInput('days', 'must be in steps of half a day');
  if (days > MAX_SESSION_DAYS) throw DomainError.badInput('days', `must be at most ${MAX_SESSION_DAYS}`);
  return days;
};

const requireDistinct = (field: string, ids: readonly string[]): void => {
  if (ids.length === 0) throw DomainError.badInput(field, 'must name at least one');
  if (new Set(ids).size !== ids.length) throw DomainError.badInput(field, 'must not name anyone twice');
};

const checkDevelopers = (command: LogContactSession): SessionDeveloper[] => {
  requireDistinct('developerIds', command.developerIds);
  return command.developerIds.map((userId, index) => {
    const member = command.developers[index] ?? null;
    if (member === null) throw contactErrors.developerIsMember(userId);
    if (member.role !== 'DEVELOPER' && member.role !== 'MANAGER') {
      throw contactErrors.sessionDevelopersAreDevelopers(member.name);
    }
    return { userId, name: member.name };
  });
};

const checkContacts = (command: LogContactSession): string[] => {
  requireDistinct('contactIds', command.contactIds);
  return command.contactIds.map((contactId, index) => {
    const contact = referencedFact(
      'Contact',
      contactId,
      command.contacts[index],
      command.projectId,
      (entity, id) => contactErrors.sameProject(`${entity} ${id}`),
    );
    if (contact.forgotten) throw contactErrors.contactNotForgotten(contactId);
    return contactId;
  });
};

const logContactSession = (command: LogContactSession, state: SessionState): SessionEvent[] => {
  if (state.exists) throw contactErrors.sessionAlreadyExists(command.sessionId);
  const date = calendarDate('date', command.date);
  const days = checkDays(command.days);
  const kind = oneOf('kind', command.kind, SESSION_KINDS);
  const developers = checkDevelopers(command);
  const contactIds = checkContacts(command);
  const data = withoutUndefined({
    sessionId: command.sessionId,
    projectId: command.projectId,
    date,
    days,
    kind,
    developers,
    contactIds,
    notes: optionalText(command.notes),
    at: command.at,
  });
  return [{ type: 'ContactSessionLogged', data }];
};

export const decideSession = (command: SessionCommand, state: SessionState): SessionEvent[] => {
  switch (command.type) {
    case 'LogContactSession':
      return logContactSession(command, state);
  }
};

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};
