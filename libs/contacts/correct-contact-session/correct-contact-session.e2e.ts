import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('logContactSession held to today, and correctContactSession', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let aud: string;
  let projectId: string;
  let bea: string;
  let eve: string;
  let sessionId: string;
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const correct = (input: Record<string, unknown>, token: string) =>
    portal.send('CorrectContactSession', { input: { sessionId, reason: 'Logged wrongly', ...input } }, token);

  beforeAll(async () => {
    portal = await startPortal();
    [ada, dev, aud] = await Promise.all([
      portal.tokenFor('ada', 'Ada Manager'),
      portal.tokenFor('dev', 'Dev Eloper'),
      portal.tokenFor('aud', 'Aud Itor'),
    ]);
    projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'dev', name: 'Dev Eloper', role: 'DEVELOPER' } }, ada);
    await portal.ok('AddMember', { input: { projectId, userId: 'aud', name: 'Aud Itor', role: 'AUDITOR' } }, ada);
    const contact = async (name: string) =>
      (await portal.ok('RegisterContact', { input: { projectId, name, role: 'END_USER', canApproveScope: false } }, ada)).registerContact
        .contact.id;
    [bea, eve] = [await contact('Bea User'), await contact('Eve User')];
    const input = { projectId, date: '2026-01-30', days: 3, kind: 'ON_SITE', developerIds: ['dev'], contactIds: [bea] };
    sessionId = (await portal.ok('LogContactSession', { input }, dev)).logContactSession.session.id;
  });
  afterAll(() => portal.close());

  it('refuses a session in the future or longer than a month, naming the field, and writes nothing', async () => {
    const before = await head();
    const input = { projectId, date: tomorrow, days: 1, kind: 'REMOTE', developerIds: ['dev'], contactIds: [bea] };
    expect((await portal.send('LogContactSession', { input }, dev)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'date',
    });
    const long = { ...input, date: '2026-01-01', days: 1e6 };
    expect((await portal.send('LogContactSession', { input: long }, dev)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'days',
    });
    expect(await head()).toBe(before);
  });

  it('corrects the date, days, kind, developers and contacts of a session', async () => {
    const { correctContactSession } = await portal.ok(
      'CorrectContactSession',
      {
        input: {
          sessionId,
          reason: 'It was the next week, remote, with Eve',
          date: '2026-02-06',
          days: 1.5,
          kind: 'REMOTE',
          developerIds: ['dev', 'ada'],
          contactIds: [eve],
        },
      },
      dev,
    );
    expect(correctContactSession.session).toEqual({
      id: sessionId,
      date: '2026-02-06',
      days: 1.5,
      kind: 'REMOTE',
      voided: false,
      contacts: [{ id: eve }],
      developers: expect.arrayContaining([{ userId: 'dev' }, { userId: 'ada' }]),
    });
    const { history } = await portal.ok('History', { id: sessionId }, ada);
    expect(history[1].changes).toEqual(expect.arrayContaining([{ field: 'date', from: '2026-01-30', to: '2026-02-06' }]));
  });

  it('voids a session and restores it', async () => {
    const voided = (await portal.ok('CorrectContactSession', { input: { sessionId, reason: 'Cancelled on the day', voided: true } }, ada))
      .correctContactSession.session;
    expect(voided).toMatchObject({ id: sessionId, voided: true, date: '2026-02-06' });
    const restored = (await portal.ok('CorrectContactSession', { input: { sessionId, reason: 'It did take place', voided: false } }, ada))
      .correctContactSession.session;
    expect(restored.voided).toBe(false);
  });

  it('refuses an AUDITOR, a correction that changes nothing or lies in the future, and an unknown session, writing nothing', async () => {
    const before = await head();
    expect((await correct({ days: 1 }, aud)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    expect((await correct({ kind: 'REMOTE' }, dev)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect((await correct({ date: tomorrow }, dev)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect((await correct({ reason: '', days: 1 }, dev)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const unknown = await portal.send(
      'CorrectContactSession',
      { input: { sessionId: '0190a6f4-0000-7000-8000-000000000000', reason: 'x', days: 1 } },
      dev,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'ContactSession' });
    expect(await head()).toBe(before);
  });
});
