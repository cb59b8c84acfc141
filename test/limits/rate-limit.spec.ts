import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

const openProject = (alias: string) =>
  `${alias}: openProject(input: { name: "Alias ${alias}", customerName: "C", budgetHours: 1 }) { position }`;
const openFive = `mutation { ${['o0', 'o1', 'o2', 'o3', 'o4'].map(openProject).join(' ')} }`;
const countFive = `{ ${['c0', 'c1', 'c2', 'c3', 'c4'].map((alias) => `${alias}: projects { totalCount }`).join(' ')} }`;

describe('the rate limit counts every top-level field, and a document holds one mutation', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '3' } })));
  afterAll(() => portal.close());

  const send = (transport: string, query: string, token: string) =>
    transport === 'HTTP' ? portal.graphql(query, {}, token) : overWebSocket(portal.url, query, {}, token);
  const openedBy = async (user: string) => {
    const stored = await portal.app.get(EventSourcing).store.readAll({ after: 0n, limit: 1_000 });
    return stored.filter((event) => event.type === 'ProjectOpened' && event.metadata.actor.userId === user).length;
  };

  it.each(['HTTP', 'graphql-ws'])('refuses 5 aliased openProject in one document before any is saved (%s)', async (transport) => {
    const user = `aliased-${transport}`;
    const answer = await send(transport, openFive, await portal.tokenFor(user));
    expect(answer.errors?.map((e) => [e.extensions.code, e.extensions.rule])).toEqual([['GRAPHQL_VALIDATION_FAILED', 'maxMutationFields']]);
    expect(answer.data ?? null).toBeNull();
    expect(await openedBy(user)).toBe(0);
  });

  it.each(['HTTP', 'graphql-ws'])(
    'charges aliased queries all at once: 5 never fit RATE_LIMIT_PER_MINUTE=3, and 2 with one token left take none (%s)',
    async (transport) => {
      const token = await portal.tokenFor(`queries-${transport}`);
      const tooMany = await send(transport, countFive, token);
      expect(tooMany.data ?? null).toBeNull();
      expect(tooMany.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', rule: 'rateLimitPerMinute' });
      expect(tooMany.errors?.[0].message).toMatch(/asks for 5 top-level fields, more than RATE_LIMIT_PER_MINUTE/);
      const countOne = '{ projects { totalCount } }';
      expect((await send(transport, countOne, token)).errors).toBeUndefined();
      expect((await send(transport, countOne, token)).errors).toBeUndefined();
      const two = await send(transport, '{ a: projects { totalCount } b: projects { totalCount } }', token);
      expect(two.data ?? null).toBeNull();
      expect(two.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rule: 'rateLimitPerMinute' });
      // One more token comes every 20 s with 3 a minute: the pair fits once it has.
      expect(two.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(19);
      expect(two.errors?.[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(20);
      // The refused pair took nothing: the last token still answers one query.
      expect((await send(transport, countOne, token)).data).toEqual({ projects: { totalCount: expect.any(Number) } });
      expect((await send(transport, countOne, token)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    },
  );

  it.each(['HTTP', 'graphql-ws'])(
    'saves 3 of 5 openProject sent one by one and refuses the rest, each answer saying which (%s)',
    async (transport) => {
      const user = `rate-${transport}`;
      const token = await portal.tokenFor(user);
      const answers = [];
      for (const alias of ['o0', 'o1', 'o2', 'o3', 'o4']) answers.push(await send(transport, `mutation { ${openProject(alias)} }`, token));
      expect(answers.map((answer) => answer.errors?.[0].extensions.code ?? 'saved')).toEqual([
        'saved',
        'saved',
        'saved',
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
      expect(await openedBy(user)).toBe(3);
    },
  );

  it('says when to send again: the rule and retryAfterSeconds, and over HTTP the Retry-After header', async () => {
    const token = await portal.tokenFor('retrying');
    for (let i = 0; i < 3; i++) expect((await portal.graphql('{ projects { totalCount } }', {}, token)).errors).toBeUndefined();
    const response = await fetch(portal.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ projects { totalCount } }' }),
    });
    const { errors } = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    // 3 a minute: the next token is about 20 s away.
    const wait = Number(response.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(19);
    expect(wait).toBeLessThanOrEqual(20);
    expect(errors[0]).toMatchObject({
      message: `Too many operations (each top-level field counts one); retry in ${wait} s`,
      extensions: { code: 'RATE_LIMITED', rule: 'rateLimitPerMinute', retryAfterSeconds: wait },
    });
    const overSocket = await overWebSocket(portal.url, '{ projects { totalCount } }', {}, token);
    expect(overSocket.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      rule: 'rateLimitPerMinute',
      retryAfterSeconds: expect.any(Number),
    });
  });
});
