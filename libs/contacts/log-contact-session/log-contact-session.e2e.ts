import { EventSourcing } from '@cf/ledger';
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

  it('answers NOT_FOUND for an unknown contact', async () => {
    const answer = await portal.send('LogContactSession', { input: input({ contactIds: ['0190a6f4-0000-7000-8000-000000000000'] }) }, ada);
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
