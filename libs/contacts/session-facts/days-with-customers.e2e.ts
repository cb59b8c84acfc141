import { jest } from '@jest/globals';
import { EventSourcing } from '@cf/ledger';
import { eventElsewhere, whileReadModelsLag, whileReadModelsStand } from '../../../test/harness/another-instance.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/**
 * A departure is never dated before the last day a member spent with customers, whichever
 * instance logged the session: the read models brought to the log's head, and the log past it.
 */
describe('removeMember: the sessions the log holds', () => {
  let portal: Portal;
  let ada: string;
  let projectId: string;
  let bea: string;
  const remove = (userId: string, until: string) =>
    portal.graphql(
      'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { position } }',
      { i: { projectId, userId, reason: 'Moved on', until } },
      ada,
    );
  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Stays', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    const contact = { projectId, name: 'Bea Boss', role: 'DECISION_MAKER', canApproveScope: true };
    bea = (await portal.ok('RegisterContact', { input: contact }, ada)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  it('dates no departure before a session the log holds that this instance has not applied yet', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'lou', name: 'Lou Late', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    const session = eventElsewhere('ContactSessionLogged', {
      sessionId: 'a1000000-0000-4000-8000-000000000001',
      projectId,
      date: '2025-04-02',
      days: 1,
      kind: 'ON_SITE',
      developers: [{ userId: 'lou', name: 'Lou Late' }],
      contactIds: [bea],
    });
    const early = await whileReadModelsLag(portal, 'session-a1000000-0000-4000-8000-000000000001', session, () =>
      remove('lou', '2025-04-01'),
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'untilAfterSessions', field: 'until' });
    expect((await remove('lou', '2025-04-02')).errors).toBeUndefined();
  });

  it('dates no departure before a session logged past the head the read models were brought to, from the log', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'uma', name: 'Uma Upon', role: 'DEVELOPER', since: '2025-02-01' } }, ada);
    const eventSourcing = portal.app.get(EventSourcing);
    const sessionId = 'a1000000-0000-4000-8000-000000000002';
    const session = eventElsewhere('ContactSessionLogged', {
      sessionId,
      projectId,
      date: '2025-04-05',
      days: 2,
      kind: 'ON_SITE',
      developers: [{ userId: 'uma', name: 'Uma Upon' }],
      contactIds: [bea],
    });
    const early = await whileReadModelsStand(portal, async () => {
      // Appended after the removal read the head, as by another instance: the read models, brought to that head, lack it.
      const head = await eventSourcing.store.headPosition();
      await eventSourcing.store.append(`session-${sessionId}`, [session], { expectedLastIndex: 'no_stream' });
      jest.spyOn(eventSourcing.store, 'headPosition').mockResolvedValueOnce(head);
      jest.spyOn(eventSourcing.runner, 'waitFor').mockResolvedValueOnce(true);
      return remove('uma', '2025-04-05');
    });
    jest.restoreAllMocks();
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('2025-04-06'), extensions: { rule: 'untilAfterSessions' } });
  });
});
