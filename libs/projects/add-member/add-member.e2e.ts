import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { eventCount } from '../../../test/fixtures/worked-project.js';

/** A contact is one person: one CUSTOMER login at a time speaks for them, over HTTP as in the decider. */
describe('addMember of a customer', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('refuses a second login for a contact another member already speaks for, and writes nothing', async () => {
    const maria = await portal.tokenFor('maria', 'Maria');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'One login', customerName: 'ACME', budgetHours: 10 } }, maria);
    const projectId = openProject.project.id;
    const { registerContact } = await portal.ok(
      'RegisterContact',
      { input: { projectId, name: 'Cora', role: 'END_USER', canApproveScope: false } },
      maria,
    );
    const customer = (userId: string) => ({
      input: { projectId, userId, name: 'Cora', role: 'CUSTOMER', contactId: registerContact.contact.id },
    });
    await portal.ok('AddMember', customer('cora'), maria);
    const before = await eventCount(portal);
    const second = await portal.send('AddMember', customer('cora-2'), maria);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactHasMember' });
    expect(await eventCount(portal)).toBe(before);
  });
});
