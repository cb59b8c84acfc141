import { foldEvents } from '@cf/core';
import { sessionDecider } from './session.decide.js';
import type { ContactSessionLogged } from './session.events.js';
import { ann, badField, correct, corrected, dev, eve, logged, spec } from './session.correct.spec-fixtures.js';

describe('CorrectContactSession', () => {
  it('records what changed, with each new value under its own name', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', days: 2, kind: 'WORKSHOP', developers: [{ ...dev, role: 'DEVELOPER' }] }))
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
      // Counted again, its developers are judged on its days again (the handler gives their facts there).
      .when(correct({ voided: false, developers: [{ ...dev, role: 'DEVELOPER' }] }))
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
      .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
    spec
      .given([logged])
      .when(correct({ contactIds: ['c-2'], contacts: [{ ...eve, projectId: 'p-2' }] }))
      .thenThrows('NOT_FOUND');
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
