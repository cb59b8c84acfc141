import { DomainError, diffFields, oneOf, requiredText, withoutUndefined, nothingToChange } from '@cf/core';
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
import { checkSessionDates } from './session.days.js';
import { SESSION_KINDS, type ContactSessionCorrected, type SessionEvent } from './session.events.js';
import type { SessionState } from './session.state.js';

/** Fields left out (undefined or null) stay as they are. */
export interface CorrectContactSession {
  readonly type: 'CorrectContactSession';
  readonly sessionId: string;
  readonly reason: string;
  readonly date?: string | null;
  readonly days?: number | null;
  readonly kind?: string | null;
  readonly developerIds?: readonly string[] | null;
  /** One entry per developerIds entry, in the same order; moved to another date without them, one per developer it has. */
  readonly developers?: readonly SessionDeveloperFacts[];
  readonly contactIds?: readonly string[] | null;
  /** One entry per contactIds entry, in the same order. */
  readonly contacts?: readonly SessionContactFacts[];
  /** true: the session did not happen and counts nowhere; false: it did after all. */
  readonly voided?: boolean | null;
  readonly at: string;
  readonly actor: Actor;
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

const checkVoided = (value: unknown): boolean => {
  if (typeof value !== 'boolean') throw DomainError.badInput('voided', 'must be true or false');
  return value;
};

type SpanCorrection = Pick<CorrectContactSession, 'date' | 'days' | 'voided'>;

/**
 * Whether a correction counts the session on a day it did not count on before: moved to another
 * date, run into another calendar day, or un-voided. Its developers are then judged on every day
 * of it again; a session that stays voided counts nowhere, so nothing is judged while it does.
 */
export const developersJudgedAgain = (command: SpanCorrection, state: Pick<SessionState, 'date' | 'days' | 'voided'>): boolean => {
  if (given(command.voided) ? command.voided : state.voided) return false;
  return (
    (given(command.date) && command.date !== state.date) ||
    (given(command.days) && Math.ceil(command.days) > Math.ceil(state.days)) ||
    (command.voided === false && state.voided)
  );
};

/**
 * The developers as the command would leave them. On the days it counted on, a session keeps the
 * developers it named. Counted on another day (developersJudgedAgain), its developers — the ones
 * it names, or else the ones it had — are judged on every day of it (`developers` holds their
 * facts there): a day after one left is no day they spent with the customer, and having been
 * named earlier keeps no one a place on it.
 */
const correctedDevelopers = (command: CorrectContactSession, state: SessionState) => {
  const again = developersJudgedAgain(command, state);
  const userIds = given(command.developerIds) ? command.developerIds : again ? state.developers.map((d) => d.userId) : undefined;
  return userIds ? checkDevelopers(userIds, command.developers ?? [], again ? [] : state.developers) : undefined;
};

/** The session as the command would leave it; developers as user ids, to compare and to list as changes. */
const corrected = (command: CorrectContactSession, state: SessionState) => {
  const date = given(command.date) ? checkDate(command.date) : undefined;
  const days = given(command.days) ? checkDays(command.days) : undefined;
  // Only a new date or length is held to today: a session logged in the future before that rule can still be voided.
  if (date !== undefined || days !== undefined) checkSessionDates(date ?? state.date, days ?? state.days, command.at);
  const developers = correctedDevelopers(command, state);
  return {
    date,
    days,
    kind: given(command.kind) ? oneOf('kind', command.kind, SESSION_KINDS) : undefined,
    developers,
    developerIds: developers?.map((developer) => developer.userId),
    contactIds: given(command.contactIds) ? checkContacts(command.contactIds, command.contacts ?? [], state.projectId) : undefined,
    voided: given(command.voided) ? checkVoided(command.voided) : undefined,
  };
};

/**
 * A session is corrected (or voided), never logged again: the event lists what changed and
 * carries each changed field's new value, so contact days move to where they really belong.
 */
export const correctContactSession = (command: CorrectContactSession, state: SessionState): SessionEvent[] => {
  if (!state.exists) throw contactErrors.sessionNotFound(command.sessionId);
  const reason = requiredText('reason', command.reason);
  const after = corrected(command, state);
  const before = { ...state, developerIds: state.developers.map((developer) => developer.userId) };
  const fields = ['date', 'days', 'kind', 'developerIds', 'contactIds', 'voided'];
  const changes = diffFields(before, after, fields);
  if (changes.length === 0) throw nothingToChange(after, fields, ['a date', 'days', 'kind', 'developers', 'contacts', 'voided']);
  const changed = new Set(changes.map((change) => change.field));
  const pick = <K extends keyof typeof after>(field: K, name: string = field) => (changed.has(name) ? after[field] : undefined);
  const data: ContactSessionCorrected['data'] = withoutUndefined({
    sessionId: state.sessionId,
    projectId: state.projectId,
    reason,
    changes,
    date: pick('date'),
    days: pick('days'),
    kind: pick('kind'),
    developers: pick('developers', 'developerIds'),
    contactIds: pick('contactIds'),
    voided: pick('voided'),
    at: command.at,
  });
  return [{ type: 'ContactSessionCorrected', data }];
};
