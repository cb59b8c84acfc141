import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import type { ContactSessionLogged } from './session.events.js';
import { sessionDecider, type LogContactSession, type SessionCommand } from './session.decide.js';

const spec = specification(sessionDecider);
const at = '2025-03-05T17:00:00.000Z';
const actor = { userId: 'u-dev', name: 'Dev Eloper' };
const dev = { userId: 'u-dev', name: 'Dev Eloper', role: 'DEVELOPER' as const };
const manager = { userId: 'u-ann', name: 'Ann Manager', role: 'MANAGER' as const };
const bea = { id: 'c-1', projectId: 'p-1', name: 'Bea Boss', forgotten: false };
const eve = { id: 'c-2', projectId: 'p-1', name: 'Eve User', forgotten: false };

const logged: ContactSessionLogged = {
  type: 'ContactSessionLogged',
  data: {
    sessionId: 's-1',
    projectId: 'p-1',
    date: '2025-03-05',
    days: 1.5,
    kind: 'WORKSHOP',
    developers: [
      { userId: 'u-dev', name: 'Dev Eloper' },
      { userId: 'u-ann', name: 'Ann Manager' },
    ],
    contactIds: ['c-1', 'c-2'],
    notes: 'Walked through the checkout flow',
    at,
  },
};

const log = (overrides: Partial<LogContactSession> = {}): SessionCommand => ({
  type: 'LogContactSession',
  sessionId: 's-1',
  projectId: 'p-1',
  date: '2025-03-05',
  days: 1.5,
  kind: 'WORKSHOP',
  developerIds: ['u-dev', 'u-ann'],
  developers: [dev, manager],
  contactIds: ['c-1', 'c-2'],
  contacts: [bea, eve],
  notes: 'Walked through the checkout flow',
  at,
  actor,
  ...overrides,
});

const badField = (command: SessionCommand): unknown => spec.given([]).when(command).thenThrows('BAD_USER_INPUT').details.field;

describe('session decider', () => {
  describe('LogContactSession', () => {
    it('logs a session with developers and contacts', () => {
      spec.given([]).when(log()).then([logged]);
    });

    it('logs a half-day remote session without notes', () => {
      spec
        .given([])
        .when(
          log({
            days: 0.5,
            kind: 'REMOTE',
            developerIds: ['u-dev'],
            developers: [dev],
            contactIds: ['c-1'],
            contacts: [bea],
            notes: '   ',
          }),
        )
        .then([
          {
            type: 'ContactSessionLogged',
            data: {
              sessionId: 's-1',
              projectId: 'p-1',
              date: '2025-03-05',
              days: 0.5,
              kind: 'REMOTE',
              developers: [{ userId: 'u-dev', name: 'Dev Eloper' }],
              contactIds: ['c-1'],
              at,
            },
          },
        ]);
    });

    it('accepts a leap day and the maximum of 31 days', () => {
      spec
        .given([])
        .when(log({ date: '2024-02-29', days: 31 }))
        .then([{ ...logged, data: { ...logged.data, date: '2024-02-29', days: 31 } }]);
    });

    it('folds the session into state', () => {
      const state = foldEvents(sessionDecider, [logged]);
      expect(state).toMatchObject({ exists: true, sessionId: 's-1', projectId: 'p-1', days: 1.5, contactIds: ['c-1', 'c-2'] });
      expect(state.developers).toHaveLength(2);
    });

    it('cannot log the same session twice', () => {
      spec.given([logged]).when(log()).thenThrows('RULE_VIOLATED', 'alreadyExists');
    });

    it.each(['2025-02-30', '2023-02-29', '2025-13-01', '5.3.2025', '2025-3-5', ''])('rejects the date %p', (date) => {
      expect(badField(log({ date }))).toBe('date');
    });

    it('refuses a date in the future, and a session whose last day would be', () => {
      expect(badField(log({ date: '2025-03-07' }))).toBe('date');
      expect(badField(log({ date: '9999-12-31', days: 1 }))).toBe('date');
      expect(badField(log({ date: '2025-03-05', days: 3 }))).toBe('days');
      spec
        .given([])
        .when(log({ date: '2025-03-06', days: 1 }))
        .then([{ ...logged, data: { ...logged.data, date: '2025-03-06', days: 1 } }]);
    });

    it.each([0, -1, 0.25, 1.3, 31.5, 40, 1e6, Number.NaN])('rejects %p days', (days) => {
      expect(badField(log({ days }))).toBe('days');
    });

    it('rejects an unknown kind', () => {
      expect(badField(log({ kind: 'PHONE' as never }))).toBe('kind');
    });

    it('needs at least one developer, each named once', () => {
      expect(badField(log({ developerIds: [], developers: [] }))).toBe('developerIds');
      expect(badField(log({ developerIds: ['u-dev', 'u-dev'], developers: [dev, dev] }))).toBe('developerIds');
    });

    it('rejects a developer who is not a project member', () => {
      spec
        .given([])
        .when(log({ developerIds: ['u-dev', 'u-x'], developers: [dev, null] }))
        .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
    });

    it.each(['AUDITOR', 'CUSTOMER'] as const)('rejects a %s as a session developer', (role) => {
      spec
        .given([])
        .when(log({ developerIds: ['u-dev', 'u-x'], developers: [dev, { userId: 'u-x', name: 'X', role }] }))
        .thenThrows('RULE_VIOLATED', 'sessionDevelopersAreDevelopers', 'developerIds');
    });

    it('needs at least one contact, each named once', () => {
      expect(badField(log({ contactIds: [], contacts: [] }))).toBe('contactIds');
      expect(badField(log({ contactIds: ['c-1', 'c-1'], contacts: [bea, bea] }))).toBe('contactIds');
    });

    it('reports a contact that does not exist', () => {
      const error = spec
        .given([])
        .when(log({ contactIds: ['c-1', 'c-x'], contacts: [bea, null] }))
        .thenThrows('NOT_FOUND');
      expect(error.details).toEqual({ entity: 'Contact', id: 'c-x', field: 'contactIds' });
    });

    it('rejects a contact of another project', () => {
      spec
        .given([])
        .when(log({ contacts: [bea, { ...eve, projectId: 'p-2' }] }))
        .thenThrows('NOT_FOUND');
    });

    it('rejects a forgotten contact', () => {
      spec
        .given([])
        .when(log({ contacts: [bea, { ...eve, forgotten: true }] }))
        .thenThrows('RULE_VIOLATED', 'contactNotForgotten');
    });
  });
});
