import { oneOf, optionalText, withoutUndefined, type Decider } from '@cf/core';
import type { Actor } from './actor.js';
import { contactErrors } from './contacts.errors.js';
import {
  checkContacts,
  checkDate,
  checkDays,
  checkDevelopers,
  type SessionContactFacts,
  type SessionDeveloperFacts,
} from './session.checks.js';
import { correctContactSession, type CorrectContactSession } from './session.correct.js';
import { checkSessionDates } from './session.days.js';
import { SESSION_KINDS, type SessionEvent, type SessionKind } from './session.events.js';
import { evolveSession, initialSessionState, type SessionState } from './session.state.js';

export type { CorrectContactSession } from './session.correct.js';

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

export type SessionCommand = LogContactSession | CorrectContactSession;

const logContactSession = (command: LogContactSession, state: SessionState): SessionEvent[] => {
  if (state.exists) throw contactErrors.sessionAlreadyExists(command.sessionId);
  const date = checkDate(command.date);
  const days = checkDays(command.days);
  checkSessionDates(date, days, command.at);
  const kind = oneOf('kind', command.kind, SESSION_KINDS);
  const developers = checkDevelopers(command.developerIds, command.developers);
  const contactIds = checkContacts(command.contactIds, command.contacts, command.projectId);
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
    case 'CorrectContactSession':
      return correctContactSession(command, state);
  }
};

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};
