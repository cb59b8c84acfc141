import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('forgetContact', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let projectId: string;
  const register = async (name: string): Promise<string> => {
    const input = {
      projectId,
      name,
      email: `${name.toLowerCase()}@acme.example`,
      department: 'Sales',
      role: 'PROXY',
      canApproveScope: false,
    };
    return (await portal.ok('RegisterContact', { input }, ada)).registerContact.contact.id;
  };
  const requirement = async (): Promise<string> =>
    (await portal.ok('AddRequirement', { input: { projectId, key: 'R1', title: 'Export', text: 'As CSV', estimateHours: 5 } }, ada))
      .addRequirement.requirement.id;
  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
    projectId = openProject.project.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'dev', name: 'Dev Eloper', role: 'DEVELOPER' } }, ada);
  });
  afterAll(() => portal.close());

  it('shreds the personal data from what the portal reads', async () => {
    const contactId = await register('Pat');
    const { forgetContact } = await portal.ok('ForgetContact', { input: { contactId, reason: 'GDPR request' } }, ada);
    expect(forgetContact.contact).toEqual({ id: contactId, name: '[forgotten]', email: '[forgotten]', forgotten: true });
    const { data } = await portal.graphql(
      'query($id: ID!) { contact(id: $id) { organisation department role revision } }',
      { id: contactId },
      ada,
    );
    // What was given reads [forgotten]; what never was stays null.
    expect(data!.contact).toEqual({ organisation: null, department: '[forgotten]', role: 'PROXY', revision: 2 });
  });

  it('leaves another forget of a contact in flight alone when a key bound to another contact is sent for it', async () => {
    const [first, other] = [await register('Rhea'), await register('Sol')];
    await portal.ok('ForgetContact', { input: { contactId: first, reason: 'GDPR request', idempotencyKey: 'forget-rhea' } }, ada);
    const personalData = portal.app.get(PersonalData);
    await personalData.beginForgetting(other); // as another forget of Sol would, between its mark and its append
    const answer = await portal.send(
      'ForgetContact',
      { input: { contactId: other, reason: 'GDPR request', idempotencyKey: 'forget-rhea' } },
      ada,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await personalData.pendingForgets()).toContain(other);
    await personalData.abandonForgetting(other);
  });

  it('refuses to forget twice (finalState)', async () => {
    const contactId = await register('Quinn');
    await portal.ok('ForgetContact', { input: { contactId, reason: 'GDPR request' } }, ada);
    const answer = await portal.send('ForgetContact', { input: { contactId, reason: 'again' } }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
  });

  it('leaves nothing new to name a forgotten contact: no commitment to them, no request by them, nothing told to them, no member', async () => {
    const contactId = await register('Rene');
    await portal.ok('ForgetContact', { input: { contactId, reason: 'GDPR request' } }, ada);
    const refusals = [
      await portal.send('MakeCommitment', { input: { projectId, summary: 'Export', madeToId: contactId, estimateHours: 4 } }, ada),
      await portal.send(
        'RaiseRequest',
        { input: { projectId, title: 'Export', description: '', kind: 'FEATURE', channel: 'WRITTEN', requestedById: contactId } },
        ada,
      ),
      await portal.send(
        'ReportStatus',
        { input: { projectId, subjectId: await requirement(), toldStatus: 'ON_TRACK', toldToId: contactId, message: 'On track' } },
        ada,
      ),
    ];
    refusals.push(await portal.send('AddMember', { input: { projectId, userId: 'rene', name: 'Rene', role: 'CUSTOMER', contactId } }, ada));
    expect(refusals.map((answer) => answer.errors?.[0].extensions)).toEqual(
      refusals.map(() => expect.objectContaining({ code: 'RULE_VIOLATED', rule: 'contactNotForgotten' })),
    );
  });

  it('refuses to confirm a request of a forgotten contact, even in a session they attended before: it would name them anew', async () => {
    const contactId = await register('Sasha');
    const written = { projectId, title: 'Export', description: '', kind: 'FEATURE', channel: 'WRITTEN', requestedById: contactId };
    const requestId = (await portal.ok('RaiseRequest', { input: written }, ada)).raiseRequest.request.id;
    const today = new Date().toISOString().slice(0, 10);
    const met = { projectId, date: today, days: 0.5, kind: 'REMOTE', developerIds: ['dev'], contactIds: [contactId] };
    const sessionId = (await portal.ok('LogContactSession', { input: met }, dev)).logContactSession.session.id;
    await portal.ok('ForgetContact', { input: { contactId, reason: 'GDPR request' } }, ada);
    const before = await portal.app.get(EventSourcing).store.headPosition();
    const answer = await portal.send('ConfirmRequest', { input: { requestId, sessionId } }, dev);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactNotForgotten', field: 'requestId' });
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(before);
  });

  it('refuses a member for a contact whose key is not in this store, whose name reads [forgotten], and makes no key for them', async () => {
    const contactId = await register('Kim');
    const keys = portal.app.get(PersonalData).keys;
    await keys.destroy(contactId); // as after an import without the keys file
    const answer = await portal.send('AddMember', { input: { projectId, userId: 'kim', name: 'Kim', role: 'CUSTOMER', contactId } }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactNotForgotten' });
    expect(await keys.find([contactId])).toEqual(new Map());
    const { data } = await portal.graphql('query($id: ID!) { contact(id: $id) { name } }', { id: contactId }, ada);
    expect(data?.contact.name).toBe('[forgotten]');
  });

  it('is for a MANAGER only: a DEVELOPER is refused and nothing changes', async () => {
    const contactId = await register('Rita');
    const answer = await portal.send('ForgetContact', { input: { contactId, reason: 'GDPR request' } }, dev);
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { data } = await portal.graphql('query($id: ID!) { contact(id: $id) { name forgotten revision } }', { id: contactId }, ada);
    expect(data!.contact).toEqual({ name: 'Rita', forgotten: false, revision: 1 });
  });

  it('answers NOT_FOUND for an unknown contact', async () => {
    const answer = await portal.send('ForgetContact', { input: { contactId: '0190a6f4-0000-7000-8000-000000000000', reason: 'x' } }, ada);
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
