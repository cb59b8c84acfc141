import { jest } from '@jest/globals';
import { EventSourcing } from '@cf/ledger';
import { eventElsewhere, whileReadModelsLag, whileReadModelsStand } from '../../../test/harness/another-instance.js';
import { staysProject } from './stays-project.spec-fixtures.js';

/**
 * A departure is never dated before the last day a member spent with customers, whichever
 * instance logged the session: the read models brought to the log's head, and the log past it.
 */
describe('removeMember: the sessions the log holds', () => {
  const w = staysProject();

  it('dates no departure before a session the log holds that this instance has not applied yet', async () => {
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'lou', name: 'Lou Late', role: 'DEVELOPER', since: '2025-02-01' } },
      w.ada,
    );
    const session = eventElsewhere('ContactSessionLogged', {
      sessionId: 'a1000000-0000-4000-8000-000000000001',
      projectId: w.projectId,
      date: '2025-04-02',
      days: 1,
      kind: 'ON_SITE',
      developers: [{ userId: 'lou', name: 'Lou Late' }],
      contactIds: [w.bea],
    });
    const early = await whileReadModelsLag(w.portal, 'session-a1000000-0000-4000-8000-000000000001', session, () =>
      w.remove('lou', '2025-04-01'),
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'untilAfterSessions', field: 'until' });
    expect((await w.remove('lou', '2025-04-02')).errors).toBeUndefined();
  });

  it('dates no departure before a session logged past the head the read models were brought to, from the log', async () => {
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'uma', name: 'Uma Upon', role: 'DEVELOPER', since: '2025-02-01' } },
      w.ada,
    );
    const eventSourcing = w.portal.app.get(EventSourcing);
    const sessionId = 'a1000000-0000-4000-8000-000000000002';
    const session = eventElsewhere('ContactSessionLogged', {
      sessionId,
      projectId: w.projectId,
      date: '2025-04-05',
      days: 2,
      kind: 'ON_SITE',
      developers: [{ userId: 'uma', name: 'Uma Upon' }],
      contactIds: [w.bea],
    });
    const early = await whileReadModelsStand(w.portal, async () => {
      // Appended after the removal read the head, as by another instance: the read models, brought to that head, lack it.
      const head = await eventSourcing.store.headPosition();
      await eventSourcing.store.append(`session-${sessionId}`, [session], { expectedLastIndex: 'no_stream' });
      jest.spyOn(eventSourcing.store, 'headPosition').mockResolvedValueOnce(head);
      jest.spyOn(eventSourcing.runner, 'waitFor').mockResolvedValueOnce(true);
      return w.remove('uma', '2025-04-05');
    });
    jest.restoreAllMocks();
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('2025-04-06'), extensions: { rule: 'untilAfterSessions' } });
  });
});
