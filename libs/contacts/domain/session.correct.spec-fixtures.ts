import { specification } from '@test/decider-specification.js';
import { sessionDecider, type CorrectContactSession, type SessionCommand } from './session.decide.js';
import type { ContactSessionCorrected, ContactSessionLogged } from './session.events.js';

/** A logged session and the commands and events that correct it, for the specs of corrections. */
export const spec = specification(sessionDecider);
export const at = '2025-03-20T10:00:00.000Z';
const actor = { userId: 'u-ann', name: 'Ann Manager' };
export const dev = { userId: 'u-dev', name: 'Dev Eloper' };
export const ann = { userId: 'u-ann', name: 'Ann Manager' };
export const eve = { id: 'c-2', projectId: 'p-1', name: 'Eve User', forgotten: false };

export const logged: ContactSessionLogged = {
  type: 'ContactSessionLogged',
  data: {
    sessionId: 's-1',
    projectId: 'p-1',
    date: '2025-03-05',
    days: 1.5,
    kind: 'WORKSHOP',
    developers: [dev],
    contactIds: ['c-1'],
    at: '2025-03-06T17:00:00.000Z',
  },
};
export const correct = (overrides: Partial<CorrectContactSession> = {}): SessionCommand => ({
  type: 'CorrectContactSession',
  sessionId: 's-1',
  reason: 'Logged the wrong week',
  at,
  actor,
  ...overrides,
});
export const corrected = (data: Partial<ContactSessionCorrected['data']>): ContactSessionCorrected => ({
  type: 'ContactSessionCorrected',
  data: { sessionId: 's-1', projectId: 'p-1', reason: 'Logged the wrong week', changes: [], ...data, at },
});
export const badField = (command: SessionCommand): unknown => spec.given([logged]).when(command).thenThrows('BAD_USER_INPUT').details.field;
