import { EventSourcing } from '@cf/ledger';
import { eventElsewhere } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type StaysProject, staysProject } from '../session-facts/stays-project.spec-fixtures.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';

/** A session's developers are judged by their stays on its date (when logged, and when moved), whether or not they are members today (docs/dashboards.md). */
describe('logContactSession: developers by their stays', () => {
  const world = staysProject();
  let portal: Portal;
  let ada: string;
  let projectId: string;
  let bea: string;
  let remove: StaysProject['remove'];
  beforeAll(() => {
    ({ portal, ada, projectId, bea, remove } = world);
  });
  const sessionsOf = () => contactsReadModel(portal.app.get(EventSourcing).readModels).sessionsOf(projectId);
  const input = (overrides: Record<string, unknown> = {}) => ({
    projectId,
    date: '2025-03-05',
    days: 1,
    kind: 'ON_SITE',
    developerIds: ['ada'],
    contactIds: [bea],
    ...overrides,
  });

  it('logs a session of a developer who has left, dated while they were a member, and no later one', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'liv', name: 'Liv Left', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    expect((await remove('liv', '2025-03-15')).errors).toBeUndefined();
    const { logContactSession } = await portal.ok(
      'LogContactSession',
      { input: input({ date: '2025-03-10', developerIds: ['liv'] }) },
      ada,
    );
    expect(logContactSession.session.developers).toEqual([{ userId: 'liv', name: 'Liv Left' }]);
    const before = await sessionsOf();
    const after = await portal.send('LogContactSession', { input: input({ date: '2025-03-16', developerIds: ['liv'] }) }, ada);
    expect(after.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'developerIsMember' });
    expect(await sessionsOf()).toEqual(before);
  });

  it('dates no departure before the last day a developer spent with customers, a session of two days to its second', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'max', name: 'Max Met', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    await portal.ok('LogContactSession', { input: input({ date: '2025-03-20', days: 2, developerIds: ['max'] }) }, ada);
    const early = await remove('max', '2025-03-20');
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'untilAfterSessions', field: 'until' });
    expect((await remove('max', '2025-03-21')).errors).toBeUndefined();
  });

  it('moves a session only to a day its developers were members on, whether or not the correction names them', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'kai', name: 'Kai Kept', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    expect((await remove('kai', '2025-03-15')).errors).toBeUndefined();
    const logged = await portal.ok('LogContactSession', { input: input({ date: '2025-03-10', developerIds: ['kai'] }) }, ada);
    const sessionId: string = logged.logContactSession.session.id;
    const move = (date: string) => portal.send('CorrectContactSession', { input: { sessionId, reason: 'Wrong week', date } }, ada);
    const before = await sessionsOf();
    expect((await move('2025-03-20')).errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'developerIsMember' });
    expect(await sessionsOf()).toEqual(before);
    const moved = await move('2025-03-12');
    expect(moved.data?.correctContactSession.session).toMatchObject({ date: '2025-03-12', developers: [{ userId: 'kai' }] });
  });

  it('names a developer on a day before they joined, as it does whether or not they are still a member, but never in a gap after they left', async () => {
    const member = (userId: string, since: string) =>
      portal.ok('AddMember', { input: { projectId, userId, name: `${userId} Developer`, role: 'DEVELOPER', since } }, ada);
    await member('noa', '2025-02-01');
    await remove('noa', '2025-03-15');
    await member('ivo', '2025-02-01');
    await remove('ivo', '2025-03-15');
    await member('ivo', '2025-05-01');
    const developersOn = async (date: string, userId: string) =>
      (await portal.ok('LogContactSession', { input: input({ date, developerIds: [userId] }) }, ada)).logContactSession.session.developers;
    expect(await developersOn('2025-01-20', 'noa')).toEqual([{ userId: 'noa', name: 'noa Developer' }]);
    expect(await developersOn('2025-01-20', 'ivo')).toEqual([{ userId: 'ivo', name: 'ivo Developer' }]);
    // A role set right by removing and adding again on the same day: the later stay is theirs from that day, and before it.
    await portal.ok('AddMember', { input: { projectId, userId: 'jo', name: 'Jo', role: 'AUDITOR', since: '2025-03-01' } }, ada);
    await remove('jo', '2025-03-01');
    await member('jo', '2025-03-01');
    expect(await developersOn('2025-02-20', 'jo')).toEqual([{ userId: 'jo', name: 'jo Developer' }]);
    // One added in an old log (no join day: their stay counts from the day it was recorded), then ended before that day.
    await portal.app
      .get(EventSourcing)
      .store.append(
        `project-${projectId}`,
        [eventElsewhere('MemberAdded', { projectId, userId: 'old', name: 'Old Timer', role: 'DEVELOPER' })],
        {
          expectedLastIndex: 'any',
        },
      );
    await remove('old', '2025-06-01');
    const before = await sessionsOf();
    for (const [date, userId] of [
      ['2025-04-10', 'ivo'],
      ['2025-06-02', 'old'],
    ]) {
      const inTheGap = await portal.send('LogContactSession', { input: input({ date, developerIds: [userId] }) }, ada);
      expect({ userId, ...inTheGap.errors?.[0].extensions }).toMatchObject({ userId, code: 'RULE_VIOLATED', rule: 'developerIsMember' });
    }
    expect(await sessionsOf()).toEqual(before);
  });

  it('counts a developer on no day after they left: not by a longer session, a longer correction or a session counted again', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'rio', name: 'Rio Ran', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    const correct = (sessionId: string, change: Record<string, unknown>) =>
      portal.send('CorrectContactSession', { input: { sessionId, reason: 'Set right', ...change } }, ada);
    const lastDay = await portal.ok('LogContactSession', { input: input({ date: '2025-04-10', days: 0.5, developerIds: ['rio'] }) }, ada);
    const voidedLater = await portal.ok('LogContactSession', { input: input({ date: '2025-04-12', days: 2, developerIds: ['rio'] }) }, ada);
    const laterId: string = voidedLater.logContactSession.session.id;
    await portal.ok('CorrectContactSession', { input: { sessionId: laterId, reason: 'Cancelled', voided: true } }, ada);
    expect((await remove('rio', '2025-04-10')).errors).toBeUndefined();
    const before = await sessionsOf();
    const refusals = [
      await portal.send('LogContactSession', { input: input({ date: '2025-04-10', days: 2, developerIds: ['rio'] }) }, ada),
      await correct(lastDay.logContactSession.session.id, { days: 2 }),
      await correct(laterId, { voided: false }),
    ];
    for (const refusal of refusals)
      expect(refusal.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'developerIsMember', field: 'developerIds' });
    expect(await sessionsOf()).toEqual(before);
    // Counted again with its developers set right, it is taken.
    expect((await correct(laterId, { voided: false, developerIds: ['ada'] })).errors).toBeUndefined();
  });

  it('judges the role of every day of a session: none of it on a day its developer met customers in no such role', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'sam', name: 'Sam', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    expect((await remove('sam', '2025-04-20')).errors).toBeUndefined();
    await portal.ok('AddMember', { input: { projectId, userId: 'sam', name: 'Sam', role: 'AUDITOR', since: '2025-04-20' } }, ada);
    const across = await portal.send('LogContactSession', { input: input({ date: '2025-04-19', days: 2, developerIds: ['sam'] }) }, ada);
    expect(across.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionDevelopersAreDevelopers' });
    expect(
      (await portal.send('LogContactSession', { input: input({ date: '2025-04-18', days: 2, developerIds: ['sam'] }) }, ada)).errors,
    ).toBeUndefined();
  });
});
