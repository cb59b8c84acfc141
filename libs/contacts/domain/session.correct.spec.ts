import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { sessionDecider, type CorrectContactSession, type SessionCommand } from './session.decide.js';
import type { ContactSessionCorrected, ContactSessionLogged } from './session.events.js';

const spec = specification(sessionDecider);
const at = '2025-03-20T10:00:00.000Z';
const actor = { userId: 'u-ann', name: 'Ann Manager' };
const dev = { userId: 'u-dev', name: 'Dev Eloper' };
const ann = { userId: 'u-ann', name: 'Ann Manager' };
const eve = { id: 'c-2', projectId: 'p-1', name: 'Eve User', forgotten: false };

const logged: ContactSessionLogged = {
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
const correct = (overrides: Partial<CorrectContactSession> = {}): SessionCommand => ({
  type: 'CorrectContactSession',
  sessionId: 's-1',
  reason: 'Logged the wrong week',
  at,
  actor,
  ...overrides,
});
const corrected = (data: Partial<ContactSessionCorrected['data']>): ContactSessionCorrected => ({
  type: 'ContactSessionCorrected',
  data: { sessionId: 's-1', projectId: 'p-1', reason: 'Logged the wrong week', changes: [], ...data, at },
});
const badField = (command: SessionCommand): unknown => spec.given([logged]).when(command).thenThrows('BAD_USER_INPUT').details.field;

describe('CorrectContactSession', () => {
  it('records what changed, with each new value under its own name', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', days: 2, kind: 'WORKSHOP' }))
      .then([
        corrected({
          changes: [
            { field: 'date', from: '2025-03-05', to: '2025-03-12' },
            { field: 'days', from: 1.5, to: 2 },
          ],
          date: '2025-03-12',
          days: 2,
        }),
      ]);
  });

  it('replaces the developers (with their names) and the contacts', () => {
    const command = correct({
      developerIds: ['u-dev', 'u-ann'],
      developers: [null, { ...ann, role: 'MANAGER' }],
      contactIds: ['c-2'],
      contacts: [eve],
    });
    spec
      .given([logged])
      .when(command)
      .then([
        corrected({
          changes: [
            { field: 'developerIds', from: ['u-dev'], to: ['u-dev', 'u-ann'] },
            { field: 'contactIds', from: ['c-1'], to: ['c-2'] },
          ],
          developers: [dev, ann],
          contactIds: ['c-2'],
        }),
      ]);
  });

  it('voids a session, and restores it, each with a reason', () => {
    const voided = corrected({ changes: [{ field: 'voided', from: false, to: true }], voided: true });
    spec
      .given([logged])
      .when(correct({ voided: true }))
      .then([voided]);
    expect(foldEvents(sessionDecider, [logged, voided])).toMatchObject({ voided: true, date: '2025-03-05', days: 1.5 });
    spec
      .given([logged, voided])
      .when(correct({ voided: false }))
      .then([corrected({ changes: [{ field: 'voided', from: true, to: false }], voided: false })]);
  });

  it('folds the correction into the session', () => {
    const moved = corrected({ changes: [], date: '2025-03-12', developers: [ann] });
    expect(foldEvents(sessionDecider, [logged, moved])).toMatchObject({
      date: '2025-03-12',
      days: 1.5,
      developers: [ann],
      contactIds: ['c-1'],
      voided: false,
    });
  });

  it('holds the corrected dates to today: neither the date nor the last day in the future', () => {
    expect(badField(correct({ date: '2025-03-22' }))).toBe('date');
    expect(badField(correct({ date: '2025-03-19', days: 4 }))).toBe('days');
    expect(badField(correct({ days: 31 }))).toBe('days');
  });

  it('voids a session logged in the future before sessions were held to today', () => {
    const future: ContactSessionLogged = { ...logged, data: { ...logged.data, date: '9999-01-01' } };
    spec
      .given([future])
      .when(correct({ voided: true }))
      .then([corrected({ changes: [{ field: 'voided', from: false, to: true }], voided: true })]);
  });

  it('corrects the length of a session logged before 1970 was refused, holding only a date it is sent to that rule', () => {
    const early: ContactSessionLogged = { ...logged, data: { ...logged.data, date: '1969-07-20' } };
    spec
      .given([early])
      .when(correct({ days: 1 }))
      .then([corrected({ changes: [{ field: 'days', from: 1.5, to: 1 }], days: 1 })]);
    spec
      .given([logged])
      .when(correct({ date: '1969-07-20' }))
      .thenThrows('BAD_USER_INPUT');
  });

  it('needs a reason and a change, and checks what it is given as logging does', () => {
    expect(badField(correct({ reason: ' ', days: 1 }))).toBe('reason');
    expect(badField(correct({ date: '2025-03-05', kind: 'WORKSHOP' }))).toBe('date');
    expect(badField(correct({ days: 0.3 }))).toBe('days');
    expect(badField(correct({ kind: 'PHONE' }))).toBe('kind');
    expect(badField(correct({ developerIds: [] }))).toBe('developerIds');
    expect(badField(correct({ voided: 'yes' as never }))).toBe('voided');
    spec
      .given([logged])
      .when(correct({ developerIds: ['u-x'], developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember');
    spec
      .given([logged])
      .when(correct({ contactIds: ['c-2'], contacts: [{ ...eve, projectId: 'p-2' }] }))
      .thenThrows('RULE_VIOLATED', 'sameProject');
  });

  it('judges a developer it named anew on a day it is moved to (on its own day it keeps them, as above)', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', developerIds: ['u-dev'], developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember');
  });

  it('reports a session that was never logged', () => {
    expect(
      spec
        .given([])
        .when(correct({ days: 1 }))
        .thenThrows('NOT_FOUND').details,
    ).toEqual({ entity: 'ContactSession', id: 's-1' });
  });
});
