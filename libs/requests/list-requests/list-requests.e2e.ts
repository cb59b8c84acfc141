import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type RequestsWorld, directRequest, setUpRequestsWorld } from '../../../test/fixtures/requests-world.js';

type Edge = { cursor: string; node: { id: string; title: string; channel: string } };

describe('requests', () => {
  let portal: Portal;
  let world: RequestsWorld;
  const list = async (token: string, variables: Record<string, unknown> = {}) =>
    (await portal.ok('Requests', { projectId: world.projectId, ...variables }, token)).requests;
  beforeAll(async () => {
    portal = await startPortal();
    world = await setUpRequestsWorld(portal);
    const raise = (token: string, overrides: Record<string, unknown>) =>
      portal.ok('RaiseRequest', { input: directRequest(world, overrides) }, token);
    await raise(world.dan, { title: 'R1 direct for Carla' });
    await raise(world.dan, {
      title: 'R2 proxy for Cid',
      requestedById: world.cidId,
      channel: 'PROXY',
      sessionId: undefined,
      relayedById: world.proxyId,
    });
    await raise(world.carla, { title: 'R3 written by Carla', channel: 'WRITTEN', sessionId: undefined });
    await raise(world.cid, { title: 'R4 written by Cid', requestedById: world.cidId, channel: 'WRITTEN', sessionId: undefined });
  });
  afterAll(() => portal.close());

  it('lists every request of the project, oldest first, for the team and auditors', async () => {
    const requests = await list(world.aud);
    expect(requests.totalCount).toBe(4);
    expect(requests.edges.map((e: Edge) => e.node.title)).toEqual([
      'R1 direct for Carla',
      'R2 proxy for Cid',
      'R3 written by Carla',
      'R4 written by Cid',
    ]);
  });

  it('shows a customer only the requests they made', async () => {
    const requests = await list(world.carla);
    expect(requests.totalCount).toBe(2);
    expect(requests.edges.map((e: Edge) => e.node.title)).toEqual(['R1 direct for Carla', 'R3 written by Carla']);
    const filtered = await list(world.cid, { filter: { channel: 'DIRECT' } });
    expect(filtered).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('filters by channel, kind and status', async () => {
    const written = await list(world.dan, { filter: { channel: 'WRITTEN' } });
    expect(written.totalCount).toBe(2);
    expect(written.edges.every((e: Edge) => e.node.channel === 'WRITTEN')).toBe(true);
    expect((await list(world.dan, { filter: { kind: 'DEFECT' } })).totalCount).toBe(0);
    expect((await list(world.dan, { filter: { status: 'OPEN', channel: 'PROXY' } })).edges.map((e: Edge) => e.node.title)).toEqual([
      'R2 proxy for Cid',
    ]);
  });

  it('walks all requests a page of one at a time', async () => {
    const titles: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const requests = await list(world.dan, { first: 1, after });
      expect(requests.totalCount).toBe(4);
      titles.push(...requests.edges.map((e: Edge) => e.node.title));
      if (!requests.pageInfo.hasNextPage) break;
      after = requests.pageInfo.endCursor;
    }
    expect(titles).toEqual(['R1 direct for Carla', 'R2 proxy for Cid', 'R3 written by Carla', 'R4 written by Cid']);
  });

  it('refuses a cursor it did not give out, and a non-member', async () => {
    const bad = await portal.send('Requests', { projectId: world.projectId, after: 'not a cursor' }, world.dan);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const stranger = await portal.send('Requests', { projectId: world.projectId }, await portal.tokenFor('eve'));
    expect(stranger.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
