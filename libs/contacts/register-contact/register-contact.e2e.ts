import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('registerContact', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let aud: string;
  let projectId: string;
  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    aud = await portal.tokenFor('aud', 'Aud Itor');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
    projectId = openProject.project.id;
    for (const [userId, name, role] of [
      ['dev', 'Dev Eloper', 'DEVELOPER'],
      ['aud', 'Aud Itor', 'AUDITOR'],
    ]) {
      await portal.ok('AddMember', { input: { projectId, userId, name, role } }, ada);
    }
  });
  afterAll(() => portal.close());

  const contactsOf = async () =>
    (await portal.graphql('query($p: ID!) { contacts(projectId: $p) { id name } }', { p: projectId }, ada)).data!.contacts;

  it('registers a contact and reads its fields back', async () => {
    const input = {
      projectId,
      name: 'Bea Boss',
      email: 'bea@acme.example',
      organisation: 'ACME',
      department: 'Sales',
      role: 'DECISION_MAKER',
      canApproveScope: true,
    };
    const { registerContact } = await portal.ok('RegisterContact', { input }, ada);
    expect(BigInt(registerContact.position) > 0n).toBe(true);
    expect(registerContact.contact).toEqual({
      id: expect.any(String),
      name: 'Bea Boss',
      email: 'bea@acme.example',
      department: 'Sales',
      role: 'DECISION_MAKER',
      canApproveScope: true,
    });
    const { data } = await portal.graphql(
      'query($id: ID!) { contact(id: $id) { name organisation forgotten revision } }',
      { id: registerContact.contact.id },
      ada,
    );
    expect(data!.contact).toEqual({ name: 'Bea Boss', organisation: 'ACME', forgotten: false, revision: 1 });
  });

  it('lets a DEVELOPER register a contact with only the required fields', async () => {
    const input = { projectId, name: 'Eve User', role: 'END_USER', canApproveScope: false };
    const { registerContact } = await portal.ok('RegisterContact', { input }, dev);
    expect(registerContact.contact).toMatchObject({
      name: 'Eve User',
      email: null,
      department: null,
      role: 'END_USER',
      canApproveScope: false,
    });
  });

  it('refuses an AUDITOR and a stranger, naming the rule of the role table, and writes nothing', async () => {
    const before = await contactsOf();
    const input = { projectId, name: 'Nope', role: 'OTHER', canApproveScope: false };
    const answer = await portal.send('RegisterContact', { input }, aud);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const stranger = await portal.send('RegisterContact', { input }, await portal.tokenFor('eve'));
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
    expect(await contactsOf()).toEqual(before);
  });

  it('names the field of a bad email and writes nothing', async () => {
    const before = await contactsOf();
    const input = { projectId, name: 'Bad Mail', email: 'not-an-email', role: 'OTHER', canApproveScope: false };
    const answer = await portal.send('RegisterContact', { input }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await contactsOf()).toEqual(before);
  });

  it('refuses a name on more than one line, as it stands in reasons and the audit log, and writes nothing', async () => {
    const before = await contactsOf();
    for (const name of ['Pat\nProxy', 'Pat\tProxy', 'Pat\u2028Proxy']) {
      const answer = await portal.send('RegisterContact', { input: { projectId, name, role: 'OTHER', canApproveScope: false } }, ada);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    expect(await contactsOf()).toEqual(before);
  });
});
