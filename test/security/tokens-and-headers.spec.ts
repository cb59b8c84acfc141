import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { signToken } from '@cf/ledger';
import { type Portal, TEST_JWT_SECRET, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

const withoutExpiry = (): Promise<string> =>
  new SignJWT({ name: 'Eve' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('eve')
    .setIssuedAt()
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));

describe('tokens and headers', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('refuses a token without an expiry over HTTP, saying why, and closes such a socket over graphql-ws (4403)', async () => {
    const token = await withoutExpiry();
    const answer = await portal.graphql('{ projects { totalCount } }', {}, token);
    expect(answer.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('no expiry (exp)'),
    });
    expect((await overWebSocket(portal.url, '{ projects { totalCount } }', {}, token)).closed?.code).toBe(4403);
  });

  it('refuses a query and a mutation on a graphql-ws socket once the token it connected with has expired', async () => {
    const shortLived = await signToken(TEST_JWT_SECRET, { userId: 'ada', name: 'Ada' }, '2s');
    const client = createClient({
      url: portal.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${shortLived}` },
      retryAttempts: 0,
      lazy: false,
      keepAlive: 500,
    });
    const send = (query: string) =>
      new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>((resolve, reject) => {
        let last = {};
        client.subscribe({ query }, { next: (value) => (last = value), error: reject, complete: () => resolve(last) });
      });
    const open = 'mutation { openProject(input: { name: "Late", customerName: "C", budgetHours: 1 }) { position } }';
    try {
      expect((await send('{ projects { totalCount } }')).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      for (const query of ['{ projects { totalCount } }', open])
        expect((await send(query)).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await client.dispose();
    }
    const ada = await portal.tokenFor('ada');
    const { edges } = (await portal.ok('Projects', { first: 100 }, ada)).projects;
    expect(edges.map((edge: { node: { name: string } }) => edge.node.name)).not.toContain('Late');
  });

  it('says what to do when the whole printed header line is pasted as the token', async () => {
    const token = await portal.tokenFor('newcomer');
    const answer = await portal.graphql('{ projects { totalCount } }', {}, `Authorization: Bearer ${token}`);
    expect(answer.errors?.[0].message).toContain('Send the token alone');
  });

  it('does not name the framework (no X-Powered-By)', async () => {
    const response = await fetch(portal.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect((await fetch(portal.url.replace('/graphql', '/health'))).headers.get('x-powered-by')).toBeNull();
  });

  it('refuses an x-min-position past the head at once instead of holding the request', async () => {
    const token = await portal.tokenFor('ada');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'P', customerName: 'C', budgetHours: 1 } }, token);
    const ahead = await portal.graphql('{ projects { totalCount } }', {}, token, { 'x-min-position': '999999999999' });
    expect(ahead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-min-position' });
    expect(ahead.errors?.[0].message).not.toMatch(/\d/); // how many events the installation holds is nobody's business here
    const seen = await portal.graphql('{ projects { totalCount } }', {}, token, { 'x-min-position': openProject.position });
    expect(seen.data?.projects.totalCount).toBe(1);
  });
});
