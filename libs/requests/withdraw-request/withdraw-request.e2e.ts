import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { REQUEST_QUERY, type RequestsWorld, raiseDirectRequest, setUpRequestsWorld } from '../../../test/fixtures/requests-world.js';

describe('withdrawRequest', () => {
  let portal: Portal;
  let world: RequestsWorld;
  const raise = (overrides: Record<string, unknown> = {}): Promise<string> => raiseDirectRequest(portal, world, overrides);
  beforeAll(async () => {
    portal = await startPortal();
    world = await setUpRequestsWorld(portal);
  });
  afterAll(() => portal.close());

  it('withdraws a request, which then refuses responses as final and stays WITHDRAWN', async () => {
    const requestId = await raise();
    const { withdrawRequest } = await portal.ok('WithdrawRequest', { input: { requestId, reason: 'No longer needed' } }, world.dan);
    expect(withdrawRequest.request).toEqual({ id: requestId, status: 'WITHDRAWN' });
    const answer = await portal.send('RespondToRequest', { input: { requestId, stance: 'ACCEPT', message: 'Yes' } }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
    const { request } = (await portal.graphql(REQUEST_QUERY, { id: requestId }, world.ada)).data!;
    expect(request).toMatchObject({ status: 'WITHDRAWN', revision: 2, responses: [] });
  });

  it("lets a customer withdraw their own request but not someone else's (unknown to them)", async () => {
    const carlas = await raise();
    const { withdrawRequest } = await portal.ok('WithdrawRequest', { input: { requestId: carlas, reason: 'Sorted' } }, world.carla);
    expect(withdrawRequest.request.status).toBe('WITHDRAWN');
    const cids = await raise({ requestedById: world.cidId, channel: 'WRITTEN', sessionId: undefined });
    const answer = await portal.send('WithdrawRequest', { input: { requestId: cids, reason: 'Not mine' } }, world.carla);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Request', id: cids });
    expect((await portal.graphql(REQUEST_QUERY, { id: cids }, world.ada)).data!.request.status).toBe('OPEN');
  });
});
