import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type Keyed, expectKeyedRetryAnswersFirst } from './keyed-retry.js';

/**
 * Every mutation that records something a retry would record twice (or refuse, as done already)
 * takes an idempotency key: a client whose answer was lost sends the same input with the same key
 * and gets the first answer, and the log gains nothing.
 */
describe('a mutation retried with its idempotency key', () => {
  let portal: Portal;
  let ada: string;
  let projectId: string;
  let bea: string;
  let requestId: string;
  beforeAll(async () => {
    // Read when the webhooks' settings are made: a receiver on this machine may be named.
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Retries', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    bea = (await portal.ok('RegisterContact', { input: { projectId, name: 'Bea', role: 'DECISION_MAKER', canApproveScope: true } }, ada))
      .registerContact.contact.id;
    const request = { projectId, title: 'Export', description: 'As CSV', kind: 'FEATURE', channel: 'WRITTEN', requestedById: bea };
    requestId = (await portal.ok('RaiseRequest', { input: request }, ada)).raiseRequest.request.id;
    const requirement = { projectId, key: 'R0', title: 'Import', text: 'CSV import', estimateHours: 4 };
    await portal.ok('AddRequirement', { input: requirement }, ada);
  });
  afterAll(async () => {
    await portal.close();
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
  });

  const keyed: Keyed[] = [
    {
      // Its name is personal data, left out of the key's fingerprint: other input is another role.
      operation: 'RegisterContact',
      input: (n) => ({ projectId, name: 'Carl', role: n === 1 ? 'END_USER' : 'PROXY', canApproveScope: false }),
    },
    {
      operation: 'AddRequirement',
      input: (n) => ({ projectId, key: `R${n}`, title: `Export ${n}`, text: 'CSV export', estimateHours: 8 }),
    },
    {
      operation: 'LogContactSession',
      input: (n) => ({
        projectId,
        date: '2026-03-05',
        days: 1,
        kind: 'ON_SITE',
        developerIds: ['ada'],
        contactIds: [bea],
        notes: `Visit ${n}`,
      }),
    },
    {
      // Its URL is sealed, left out of the key's fingerprint: other input is another description.
      operation: 'RegisterWebhook',
      input: (n) => ({ projectId, url: `http://127.0.0.1:9/hook-${n}`, events: ['COMMITMENT_REJECTED'], description: `Hook ${n}` }),
    },
    { operation: 'RespondToRequest', input: (n) => ({ requestId, stance: 'CLARIFY', message: `Which columns? (${n})` }) },
    { operation: 'ApproveBaseline', input: (n) => ({ projectId, name: `Baseline ${n}`, countersignedById: bea }) },
    {
      operation: 'AssessStatus',
      input: (n) => ({ projectId, subjectId: requestId, actualStatus: 'ON_TRACK', actualPercentComplete: 10 * n, note: 'Started' }),
    },
    {
      operation: 'ReportStatus',
      input: (n) => ({ projectId, subjectId: requestId, toldStatus: 'ON_TRACK', toldToId: bea, message: `Under way (${n})` }),
    },
    { operation: 'AddMember', input: (n) => ({ projectId, userId: `dev-${n}`, name: 'Dev', role: 'DEVELOPER' }) },
  ];

  it.each(keyed)('$operation answers the first result again and records nothing twice', (mutation) =>
    expectKeyedRetryAnswersFirst(portal, ada, mutation),
  );

  it("keeps no hash of a person's name: the same key with another name answers the first contact", async () => {
    const contact = (name: string) => ({ projectId, name, role: 'END_USER', canApproveScope: false, idempotencyKey: 'named-once' });
    const first = await portal.ok('RegisterContact', { input: contact('Dora') }, ada);
    expect(await portal.ok('RegisterContact', { input: contact('Dorothea') }, ada)).toEqual(first);
  });

  it("compares a webhook's URL, sealed and so left out of the fingerprint, when a key is sent again", async () => {
    const hook = (url: string) => ({ projectId, url, events: ['COMMITMENT_REJECTED'], idempotencyKey: 'hook-once' });
    const first = await portal.ok('RegisterWebhook', { input: hook('http://127.0.0.1:9/first') }, ada);
    // The same URL as written another way is the same address: answered as the first.
    expect(await portal.ok('RegisterWebhook', { input: hook('HTTP://127.0.0.1:9/first') }, ada)).toEqual(first);
    const head = await portal.app.get(EventSourcing).store.headPosition();
    const other = await portal.send('RegisterWebhook', { input: hook('http://127.0.0.1:9/other') }, ada);
    expect(other.errors?.[0]).toMatchObject({
      message: 'idempotencyKey: was already used with other input; send a new key for a new command',
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
  });

  it('binds a key to its kind of command: one key sent to another mutation is refused, naming the kind', async () => {
    const answer = await portal.send('AddRequirement', { input: { ...keyed[1].input(3), idempotencyKey: 'RegisterContact-once' } }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(answer.errors?.[0].message).toContain('(RegisterContact)');
  });
});
