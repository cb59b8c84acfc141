import { EventSourcing } from '@cf/ledger';
import { eventElsewhere } from '../../../test/harness/another-instance.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';

describe('logContactSession', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let projectId: string;
  let bea: string;
  const sessionsOf = () => contactsReadModel(portal.app.get(EventSourcing).readModels).sessionsOf(projectId);
  const input = (overrides: Record<string, unknown> = {}) => ({
    projectId,
    date: '2025-03-05',
    days: 1.5,
    kind: 'WORKSHOP',
    developerIds: ['dev', 'ada'],
    contactIds: [bea],
    notes: 'Checkout flow',
    ...overrides,
  });
  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
    projectId = openProject.project.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'dev', name: 'Dev Eloper', role: 'DEVELOPER' } }, ada);
    const contact = { projectId, name: 'Bea Boss', role: 'DECISION_MAKER', canApproveScope: true };
    bea = (await portal.ok('RegisterContact', { input: contact }, ada)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  it('logs a session with its developers and contacts', async () => {
    const { logContactSession } = await portal.ok('LogContactSession', { input: input() }, dev);
    expect(BigInt(logContactSession.position) > 0n).toBe(true);
    expect(logContactSession.session).toMatchObject({
      date: '2025-03-05',
      days: 1.5,
      kind: 'WORKSHOP',
      contacts: [{ id: bea, name: 'Bea Boss' }],
    });
    expect(logContactSession.session.developers).toEqual(
      expect.arrayContaining([
        { userId: 'dev', name: 'Dev Eloper' },
        { userId: 'ada', name: 'Ada Manager' },
      ]),
    );
    expect(logContactSession.session.developers).toHaveLength(2);
  });

  it('refuses days that are not half-day steps, naming days, and writes nothing', async () => {
    const before = await sessionsOf();
    const answer = await portal.send('LogContactSession', { input: input({ days: 0.3 }) }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(await sessionsOf()).toEqual(before);
  });

  it('refuses a date before 1970, naming date, and writes nothing', async () => {
    const before = await sessionsOf();
    for (const date of ['0000-01-01', '1899-01-01']) {
      const answer = await portal.send('LogContactSession', { input: input({ date }) }, ada);
      expect(answer.errors?.[0]).toMatchObject({
        message: `date: must be 1970-01-01 or later (got ${date})`,
        extensions: { code: 'BAD_USER_INPUT', field: 'date' },
      });
    }
    expect(await sessionsOf()).toEqual(before);
  });

  it('refuses days out of range with the bounds the rule has, naming days', async () => {
    for (const days of [-1, 0, 31.5, 1e300]) {
      const answer = await portal.send('LogContactSession', { input: input({ days }) }, ada);
      expect({ days, extensions: answer.errors?.[0].extensions }).toMatchObject({
        days,
        extensions: { code: 'BAD_USER_INPUT', field: 'days' },
      });
      expect(answer.errors?.[0].message).toMatch(/0\.5|31/);
    }
  });

  it('refuses a developer who is not a member (developerIsMember) and writes nothing', async () => {
    const before = await sessionsOf();
    const answer = await portal.send('LogContactSession', { input: input({ developerIds: ['dev', 'stranger'] }) }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'developerIsMember' });
    expect(await sessionsOf()).toEqual(before);
  });

  it('logs a session of a developer who has left, dated while they were a member, and no later one', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'liv', name: 'Liv Left', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    const removed = await portal.graphql(
      'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { position } }',
      { i: { projectId, userId: 'liv', reason: 'Moved on', until: '2025-03-15' } },
      ada,
    );
    expect(removed.errors).toBeUndefined();
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

  it('names a developer on a day before they joined, as it does whether or not they are still a member, but never in a gap after they left', async () => {
    const member = (userId: string, since: string) =>
      portal.ok('AddMember', { input: { projectId, userId, name: `${userId} Developer`, role: 'DEVELOPER', since } }, ada);
    const remove = (userId: string, until: string) =>
      portal.graphql(
        'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { position } }',
        { i: { projectId, userId, reason: 'Moved on', until } },
        ada,
      );
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

  it('answers NOT_FOUND for an unknown contact', async () => {
    const answer = await portal.send('LogContactSession', { input: input({ contactIds: ['0190a6f4-0000-7000-8000-000000000000'] }) }, ada);
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
