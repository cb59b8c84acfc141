import { jest } from '@jest/globals';
import { EventSourcing } from '@cf/ledger';
import { eventElsewhere, movesBeforeAppend, whileReadModelsLag, whileReadModelsStand } from '../../../test/harness/another-instance.js';
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

  it('is decided again when a session lands between its read of the log and its append, on any instance', async () => {
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'vic', name: 'Vic Viewer', role: 'DEVELOPER', since: '2025-02-01' } },
      w.ada,
    );
    const sessionId = 'a1000000-0000-4000-8000-000000000003';
    const session = eventElsewhere('ContactSessionLogged', {
      sessionId,
      projectId: w.projectId,
      date: '2025-04-09',
      days: 1,
      kind: 'REMOTE',
      developers: [{ userId: 'vic', name: 'Vic Viewer' }],
      contactIds: [w.bea],
    });
    // A new session stream moves nothing the removal holds: only the condition on the project's sessions sees it.
    const appends = movesBeforeAppend(w.portal, 'project', `session-${sessionId}`, session);
    const early = await w.remove('vic', '2025-04-08');
    jest.restoreAllMocks();
    expect(appends).toHaveLength(1); // refused, decided again on the session, and refused by the rule: no second append
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('2025-04-09'), extensions: { rule: 'untilAfterSessions' } });
    const projectEvents = await w.portal.app.get(EventSourcing).store.readStream(appends[0]);
    expect(projectEvents.filter((event) => event.type === 'MemberRemoved' && event.data.userId === 'vic')).toEqual([]);
  });

  it('answers CONFLICT naming the project, and removes no one, when sessions keep landing under every try', async () => {
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'wes', name: 'Wes Busy', role: 'DEVELOPER', since: '2025-02-01' } },
      w.ada,
    );
    const store = w.portal.app.get(EventSourcing).store;
    const append = store.append.bind(store);
    let logged = 0;
    jest.spyOn(store, 'append').mockImplementation(async (stream, events, options) => {
      if (stream.startsWith('project-')) {
        const sessionId = `b1000000-0000-4000-8000-${String(++logged).padStart(12, '0')}`;
        const busy = eventElsewhere('ContactSessionLogged', {
          sessionId,
          projectId: w.projectId,
          date: '2025-03-01',
          days: 1,
          kind: 'REMOTE',
          developers: [],
          contactIds: [w.bea],
        });
        await append(`session-${sessionId}`, [busy], { expectedLastIndex: 'no_stream' });
      }
      return append(stream, events, options);
    });
    const refused = await w.remove('wes', '2025-05-01');
    jest.restoreAllMocks();
    expect(refused.errors?.[0]).toMatchObject({
      message: `Project ${w.projectId} gained new ContactSession events while this was decided: nothing was done; send it again`,
      extensions: { code: 'CONFLICT' },
    });
    expect(logged).toBeGreaterThan(1);
    const projectEvents = await store.readStream(`project-${w.projectId}`);
    expect(projectEvents.filter((event) => event.type === 'MemberRemoved' && event.data.userId === 'wes')).toEqual([]);
  });
});
