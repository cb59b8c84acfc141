import type { Portal } from '../../../test/harness/portal-harness.js';
import { REQUEST_QUERY, type RequestsWorld, startWithOneRequest } from '../../../test/fixtures/requests-world.js';

describe('resolveRequest', () => {
  let portal: Portal;
  let world: RequestsWorld;
  let requestId: string;
  beforeAll(async () => ({ portal, world, requestId } = await startWithOneRequest()));
  afterAll(() => portal.close());

  it('refuses a customer and an auditor, and writes nothing', async () => {
    for (const token of [world.carla, world.aud]) {
      const answer = await portal.send('ResolveRequest', { input: { requestId, resolution: 'Done' } }, token);
      expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await portal.graphql(REQUEST_QUERY, { id: requestId }, world.ada)).data!.request).toMatchObject({
      status: 'OPEN',
      revision: 1,
    });
  });

  it('refuses to resolve a request no one answered, and writes nothing', async () => {
    const answer = await portal.send('ResolveRequest', { input: { requestId, resolution: 'Done' } }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'answeredBeforeResolved' });
    expect((await portal.graphql(REQUEST_QUERY, { id: requestId }, world.ada)).data!.request).toMatchObject({
      status: 'OPEN',
      revision: 1,
    });
  });

  it('resolves an answered request, after which it is final', async () => {
    await portal.ok('RespondToRequest', { input: { requestId, stance: 'ACCEPT', message: 'We will' } }, world.dan);
    const { resolveRequest } = await portal.ok('ResolveRequest', { input: { requestId, resolution: 'Shipped in 1.4' } }, world.dan);
    expect(resolveRequest.request).toEqual({ id: requestId, status: 'RESOLVED' });
    const again = await portal.send('ResolveRequest', { input: { requestId, resolution: 'Again' } }, world.dan);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
  });
});
