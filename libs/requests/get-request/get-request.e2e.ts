import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { REQUEST_QUERY, type RequestsWorld, raiseDirectRequest, setUpRequestsWorld } from '../../../test/fixtures/requests-world.js';

describe('request', () => {
  let portal: Portal;
  let world: RequestsWorld;
  let carlas: string;
  let cids: string;
  const read = (id: string, token: string) => portal.graphql(REQUEST_QUERY, { id }, token);
  beforeAll(async () => {
    portal = await startPortal();
    world = await setUpRequestsWorld(portal);
    carlas = await raiseDirectRequest(portal, world, { channel: 'PROXY', relayedById: world.proxyId });
    cids = await raiseDirectRequest(portal, world, { requestedById: world.cidId, channel: 'WRITTEN', sessionId: undefined });
  });
  afterAll(() => portal.close());

  it('shows an auditor the whole request: requester, relay, session', async () => {
    const { data } = await read(carlas, world.aud);
    expect(data!.request).toMatchObject({
      id: carlas,
      title: 'Export invoices as CSV',
      kind: 'FEATURE',
      channel: 'PROXY',
      status: 'OPEN',
      revision: 1,
      requestedBy: { id: world.carlaId, name: 'Carla Customer', role: 'DECISION_MAKER', canApproveScope: true },
      relayedBy: { id: world.proxyId, name: 'Pat Proxy', role: 'PROXY' },
      session: { id: world.sessionId, date: '2026-03-02', kind: 'ON_SITE' },
      responses: [],
    });
    expect(Date.parse(data!.request.raisedAt)).not.toBeNaN();
  });

  it('shows a customer their own request without the other contacts around it', async () => {
    const { data, errors } = await read(carlas, world.carla);
    expect(errors).toBeUndefined();
    expect(data!.request).toMatchObject({ id: carlas, requestedBy: { id: world.carlaId }, relayedBy: null, session: null });
  });

  it("answers a customer someone else's request as an unknown one", async () => {
    expect((await read(cids, world.carla)).errors?.[0]).toMatchObject({
      message: `Request ${cids} does not exist`,
      extensions: { code: 'NOT_FOUND', entity: 'Request', id: cids },
    });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const answer = await read('0195a3c0-0000-7000-8000-000000000003', world.ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Request' });
  });

  it("refuses someone who is no member of the project, without naming the project's id they did not send", async () => {
    const stranger = await portal.tokenFor('eve', 'Eve Stranger');
    const [refused] = (await read(carlas, stranger)).errors ?? [];
    expect(refused).toMatchObject({ message: 'You are not a member of the project', extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).not.toContain(world.projectId);
  });
});
