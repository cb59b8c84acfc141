import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type RequestsWorld, directRequest, setUpRequestsWorld } from '../../../test/fixtures/requests-world.js';

const FIRST_HAND = 'query($id: ID!) { request(id: $id) { channel confirmed confirmedAt statedPriority confirmedPriority } }';

describe('confirmRequest: first-hand confirmation', () => {
  let portal: Portal;
  let world: RequestsWorld;
  let today: string;
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const proxied = async (title: string): Promise<string> =>
    (
      await portal.ok(
        'RaiseRequest',
        {
          input: directRequest(world, {
            title,
            channel: 'PROXY',
            sessionId: undefined,
            relayedById: world.proxyId,
            statedPriority: 'CRITICAL',
          }),
        },
        world.dan,
      )
    ).raiseRequest.request.id;
  const session = async (contactIds: string[], date = today): Promise<string> =>
    (
      await portal.ok(
        'LogContactSession',
        {
          input: { projectId: world.projectId, date, days: 0.5, kind: 'REMOTE', developerIds: ['dan'], contactIds },
        },
        world.dan,
      )
    ).logContactSession.session.id;
  const confirm = (requestId: string, input: Record<string, unknown>, token: string) =>
    portal.send('ConfirmRequest', { input: { requestId, ...input } }, token);

  beforeAll(async () => {
    portal = await startPortal();
    world = await setUpRequestsWorld(portal);
    today = new Date().toISOString().slice(0, 10);
  });
  afterAll(() => portal.close());

  it('leaves a PROXY request unconfirmed, with the priority as relayed; a DIRECT one is first-hand from the start', async () => {
    const id = await proxied('Relayed as critical');
    expect((await portal.graphql(FIRST_HAND, { id }, world.ada)).data!.request).toEqual({
      channel: 'PROXY',
      confirmed: false,
      confirmedAt: null,
      statedPriority: 'CRITICAL',
      confirmedPriority: null,
    });
    const direct = (await portal.ok('RaiseRequest', { input: directRequest(world, { title: 'Asked on site' }) }, world.dan)).raiseRequest
      .request.id;
    expect((await portal.graphql(FIRST_HAND, { id: direct }, world.ada)).data!.request).toMatchObject({
      channel: 'DIRECT',
      confirmed: true,
      confirmedAt: expect.any(String),
    });
  });

  it('records the requester confirming in a session they attended on or after the day it was raised', async () => {
    const id = await proxied('Confirmed on site');
    const before = await head();
    const early = await confirm(id, { sessionId: world.sessionId }, world.dan);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionOnOrAfterRaise' });
    const withoutCarla = await confirm(id, { sessionId: await session([world.cidId]) }, world.dan);
    expect(withoutCarla.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requesterAttendedSession' });
    const noSession = await confirm(id, {}, world.dan);
    expect(noSession.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'confirmationNamesSession' });
    expect(await head()).toBe(before + 1n); // only the session logged above
    const sessionId = await session([world.carlaId, world.cidId]);
    const { confirmRequest } = await portal.ok(
      'ConfirmRequest',
      { input: { requestId: id, sessionId, confirmedPriority: 'MEDIUM', note: 'Wanted, not urgent' } },
      world.dan,
    );
    expect(confirmRequest.request).toEqual({
      id,
      confirmed: true,
      confirmedAt: expect.any(String),
      statedPriority: 'CRITICAL',
      confirmedPriority: 'MEDIUM',
    });
    const again = await confirm(id, { sessionId }, world.ada);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'alreadyConfirmed' });
  });

  it('lets the CUSTOMER member linked to the requester confirm as themselves, and nobody else (to another customer it is unknown)', async () => {
    const id = await proxied('Confirmed by Carla');
    const before = await head();
    expect((await confirm(id, {}, world.cid)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Request', id });
    expect((await confirm(id, {}, world.aud)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    expect((await confirm(id, { sessionId: world.sessionId }, world.carla)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sessionId',
    });
    expect(await head()).toBe(before);
    const { confirmRequest } = await portal.ok('ConfirmRequest', { input: { requestId: id, confirmedPriority: 'HIGH' } }, world.carla);
    expect(confirmRequest.request).toMatchObject({ confirmed: true, confirmedPriority: 'HIGH' });
    const { auditLog } = await portal.ok(
      'AuditLog',
      { filter: { projectId: world.projectId, types: ['RequestConfirmed'] }, first: 10 },
      world.ada,
    );
    expect(auditLog.edges.at(-1).node.data).toMatchObject({
      requestId: id,
      contactId: world.carlaId,
      via: 'CUSTOMER_MEMBER',
      confirmedBy: { userId: 'carla' },
    });
  });

  it('refuses a DIRECT request in a voided session', async () => {
    const sessionId = await session([world.carlaId]);
    await portal.ok('CorrectContactSession', { input: { sessionId, reason: 'Cancelled', voided: true } }, world.dan);
    const answer = await portal.send('RaiseRequest', { input: directRequest(world, { title: 'In a void', sessionId }) }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionNotVoided' });
  });
});
