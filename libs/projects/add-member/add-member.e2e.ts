import { jest } from '@jest/globals';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { eventElsewhere } from '../../../test/harness/another-instance.js';
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
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactHasMember', field: 'contactId' });
    expect(await eventCount(portal)).toBe(before);
  });

  it('refuses a user id or a name on more than one line, as no token can carry it, and writes nothing', async () => {
    const maria = await portal.tokenFor('maria', 'Maria');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'One line', customerName: 'ACME', budgetHours: 10 } }, maria);
    const before = await eventCount(portal);
    const adding = (userId: string, name: string) =>
      portal.send('AddMember', { input: { projectId: openProject.project.id, userId, name, role: 'DEVELOPER' } }, maria);
    for (const [userId, name, field] of [
      ['dan\tx', 'Dan', 'userId'],
      ['dan\n', 'Dan', 'userId'],
      ['dan', 'Dan\r\nManager', 'name'],
      [' dan', 'Dan', 'userId'],
      ['dan ', 'Dan', 'userId'],
    ]) {
      expect((await adding(userId, name)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const empty = await adding('', 'Dan');
    expect(empty.errors?.[0]).toMatchObject({
      message: 'userId: must not be empty',
      extensions: { field: 'userId' },
    });
    expect(await eventCount(portal)).toBe(before);
    expect((await adding('dan', 'Dan')).errors).toBeUndefined();
  });

  it('makes no new key for a contact forgotten while they were being added, and adds no member for them', async () => {
    const maria = await portal.tokenFor('maria', 'Maria');
    const { openProject } = await portal.ok(
      'OpenProject',
      { input: { name: 'Forgotten meanwhile', customerName: 'ACME', budgetHours: 10 } },
      maria,
    );
    const projectId = openProject.project.id;
    const { registerContact } = await portal.ok(
      'RegisterContact',
      { input: { projectId, name: 'Fay', role: 'END_USER', canApproveScope: false } },
      maria,
    );
    const fay: string = registerContact.contact.id;
    const keys = portal.app.get(PersonalData).keys;
    const find = keys.find.bind(keys);
    // A forget on another instance lands right after this one saw Fay's key: ContactForgotten appended, the key destroyed.
    jest.spyOn(keys, 'find').mockImplementationOnce(async (ids) => {
      const found = await find(ids);
      const forgotten = eventElsewhere('ContactForgotten', { contactId: fay, projectId, reason: 'Asked to be forgotten' });
      await portal.app.get(EventSourcing).store.append(`contact-${fay}`, [forgotten], { expectedLastIndex: 'any' });
      await keys.destroy(fay);
      return found;
    });
    const before = await eventCount(portal);
    const answer = await portal.send(
      'AddMember',
      { input: { projectId, userId: 'fay', name: 'Fay', role: 'CUSTOMER', contactId: fay } },
      maria,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactNotForgotten' });
    expect((await keys.find([fay])).size).toBe(0);
    expect(await eventCount(portal)).toBe(before + 1n); // the forgetting only
  });
});
