import { overWebSocket } from '../harness/graphql-ws-client.js';
import { type Portal, startPortal } from '../harness/portal-harness.js';

const introspect = (portal: Portal, authorization?: string) =>
  fetch(portal.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

describe('operations no resolver answers are limited too: per client address without a valid token, per user with one', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal({ env: { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '3' } })));
  afterAll(() => portal.close());

  it('refuses the fourth tokenless operation from one address with RATE_LIMITED, the rule and when to retry', async () => {
    for (let i = 0; i < 3; i++) expect((await introspect(portal)).status).toBe(200);
    const refused = await introspect(portal);
    const { data, errors } = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: unknown }[] };
    // 3 a minute: the next token is about 20 s away.
    const wait = Number(refused.headers.get('retry-after'));
    expect(refused.status).toBe(429);
    expect(wait).toBeGreaterThanOrEqual(19);
    expect(wait).toBeLessThanOrEqual(20);
    expect(data).toBeUndefined();
    expect(errors).toEqual([
      {
        message: `Too many operations without a bearer token from this address; retry in ${wait} s`,
        extensions: { code: 'RATE_LIMITED', rule: 'anonymousRateLimitPerMinute', retryAfterSeconds: wait },
      },
    ]);
    // A token that does not verify names no one: it is counted with the address too.
    const madeUp = (await (await introspect(portal, 'Bearer not-a-token')).json()) as { errors: { extensions: unknown }[] };
    expect(madeUp.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rule: 'anonymousRateLimitPerMinute' });
  });

  it('leaves callers with a valid token from the same address to their own limit', async () => {
    const token = await portal.tokenFor('behind-the-same-address');
    for (let i = 0; i < 3; i++) expect((await introspect(portal)).status).toBe(429);
    const withToken = await introspect(portal, `Bearer ${token}`);
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual({ data: { __typename: 'Query' } });
    const answer = await portal.graphql('{ projects { totalCount } }', {}, token);
    expect(answer.errors).toBeUndefined();
  });

  it("counts an operation of meta fields alone against its caller's own limit, with the fields the guard counts", async () => {
    const token = await portal.tokenFor('introspecting');
    const schemaOnly = () => portal.graphql('{ __schema { queryType { name } } }', {}, token);
    expect((await schemaOnly()).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await portal.graphql('{ projects { totalCount } }', {}, token)).errors).toBeUndefined();
    expect((await introspect(portal, `Bearer ${token}`)).status).toBe(200);
    const refused = await schemaOnly();
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rule: 'rateLimitPerMinute' });
    expect((await portal.graphql('{ projects { totalCount } }', {}, token)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it("counts them over graphql-ws too, against the same user's limit", async () => {
    const token = await portal.tokenFor('introspecting-over-a-socket');
    const typename = () => overWebSocket(portal.url, '{ __typename }', {}, token);
    for (let i = 0; i < 2; i++) expect((await typename()).data).toEqual({ __typename: 'Query' });
    expect((await introspect(portal, `Bearer ${token}`)).status).toBe(200);
    const refused = await typename();
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rule: 'rateLimitPerMinute' });
    expect(refused.errors?.[0].extensions).not.toHaveProperty('http');
    expect((await portal.graphql('{ projects { totalCount } }', {}, token)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });
});
