import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** A customer's login whose contact was forgotten ends; the same user may then speak for another contact. */
describe('adding again a CUSTOMER member whose contact was forgotten', () => {
  let portal: Portal;
  afterEach(() => portal.close());

  it('ends the old login in the project stream, on the day of forgetting, and adds the user for the new contact', async () => {
    portal = await startPortal();
    const ada = await portal.tokenFor('ada', 'Ada Manager');
    const zeb = await portal.tokenFor('zeb', 'Zeb Login');
    const projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada))
      .openProject.project.id;
    const contact = async (name: string): Promise<string> =>
      (await portal.ok('RegisterContact', { input: { projectId, name, role: 'END_USER', canApproveScope: false } }, ada)).registerContact
        .contact.id;
    const first = await contact('Zebedee Marchbanks');
    const addZeb = (contactId: string) =>
      portal.send('AddMember', { input: { projectId, userId: 'zeb', name: 'Zeb Login', role: 'CUSTOMER', contactId } }, ada);
    expect((await addZeb(first)).errors).toBeUndefined();
    await portal.ok('ForgetContact', { input: { contactId: first, reason: 'GDPR erasure request' } }, ada);
    expect((await portal.send('Project', { id: projectId }, zeb)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const second = await contact('Zebedee Marchbanks-Young');
    const added = await addZeb(second);
    expect(added.errors).toBeUndefined();
    const members = (await portal.ok('Project', { id: projectId }, ada)).project.members;
    expect(members.filter((member: { userId: string }) => member.userId === 'zeb')).toEqual([
      { userId: 'zeb', name: 'Zeb Login', role: 'CUSTOMER' },
    ]);
    expect((await portal.ok('Project', { id: projectId }, zeb)).project.name).toBe('Portal');
    const { auditLog } = await portal.ok('AuditLog', { filter: { projectId }, first: 100 }, ada);
    const types = auditLog.edges.map((edge: { node: { type: string } }) => edge.node.type);
    expect(types.slice(-2)).toEqual(['MemberRemoved', 'MemberAdded']);
    const today = new Date().toISOString().slice(0, 10);
    expect(auditLog.edges.at(-2).node.data).toMatchObject({
      userId: 'zeb',
      reason: 'The contact they spoke for was forgotten',
      until: today,
    });
    // Added for the new contact, the user is a member again: a third add is refused as before.
    expect((await addZeb(await contact('Someone Else'))).errors?.[0].extensions).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'alreadyMember',
    });
  });
});
