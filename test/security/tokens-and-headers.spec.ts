import { SignJWT } from 'jose';
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
    const started = Date.now();
    const ahead = await portal.graphql('{ projects { totalCount } }', {}, token, { 'x-min-position': '999999999999' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ahead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-min-position' });
    expect(ahead.errors?.[0].message).not.toMatch(/\d/); // how many events the installation holds is nobody's business here
    const seen = await portal.graphql('{ projects { totalCount } }', {}, token, { 'x-min-position': openProject.position });
    expect(seen.data?.projects.totalCount).toBe(1);
  });
});
