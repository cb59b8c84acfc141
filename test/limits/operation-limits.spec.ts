import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

type Transport = 'HTTP' | 'graphql-ws';
const TRANSPORTS: Transport[] = ['HTTP', 'graphql-ws'];

/** The first error of one document sent over the given transport. */
const firstError = async (portal: Portal, transport: Transport, query: string, variables: Record<string, unknown>, token: string) => {
  const answer =
    transport === 'HTTP' ? await portal.graphql(query, variables, token) : await overWebSocket(portal.url, query, variables, token);
  return answer.errors?.[0];
};

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('operation limits, the same over HTTP and graphql-ws', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  beforeAll(async () => {
    portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    token = await portal.tokenFor('lim', 'Lim');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Limits', customerName: 'C', budgetHours: 1 } }, token)).openProject
      .project.id;
  });
  afterAll(() => portal.close());

  it.each(TRANSPORTS)('refuses a document nested deeper than 10 fields (%s), with the same extensions on both', async (transport) => {
    const deep = `{ ${'__type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }'} }`;
    expect((await firstError(portal, transport, deep, {}, token))?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      rule: 'queryDepth',
    });
  });

  it.each(TRANSPORTS)(
    'refuses more than 15 aliases (%s), and the 3,000-alias audit flood fast, while the service keeps answering',
    async (transport) => {
      expect((await firstError(portal, transport, aliased(16, 'projects { totalCount }'), {}, token))?.extensions).toMatchObject({
        rule: 'maxAliases',
      });
      const flood = await firstError(portal, transport, aliased(3_000, 'verifyAuditTrail { ok }'), {}, token);
      expect(flood?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      const underTokens = await firstError(
        portal,
        transport,
        aliased(200, `verifyAuditTrail(projectId: "${projectId}") { ok }`),
        {},
        token,
      );
      expect(underTokens?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'maxAliases' });
      const health = await fetch(portal.url.replace('/graphql', '/health'), { signal: AbortSignal.timeout(2_000) });
      expect(health.status).toBe(200);
    },
  );

  it.each(TRANSPORTS)('refuses an estimated cost over 25,000, counting page sizes and costly audit fields (%s)', async (transport) => {
    const page = (alias: string) => `${alias}: projects(first: $first) { edges { cursor node { id name customerName } } }`;
    const query = `query Costly($first: Int) { ${Array.from({ length: 12 }, (_, i) => page(`p${i}`)).join(' ')} }`;
    expect((await firstError(portal, transport, query, { first: 500 }, token))?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      rule: 'queryComplexity',
    });
    expect(await firstError(portal, transport, query, { first: 5 }, token)).toBeUndefined();
    const audits = aliased(15, `verifyAuditTrail(projectId: "${projectId}") { ok }`);
    expect((await firstError(portal, transport, audits, {}, token))?.extensions).toMatchObject({ rule: 'queryComplexity' });
  });

  it.each(TRANSPORTS)('refuses more than 50 directives (%s)', async (transport) => {
    const query = `{ ${Array.from({ length: 51 }, () => '... @include(if: true) { __typename }').join(' ')} }`;
    expect((await firstError(portal, transport, query, {}, token))?.extensions).toMatchObject({ rule: 'maxDirectives' });
  });

  it.each(TRANSPORTS)('refuses a document of more than 10,000 tokens while parsing (%s)', async (transport) => {
    const query = `{ projects { totalCount ${'__typename '.repeat(10_001)}} }`;
    expect(await firstError(portal, transport, query, {}, token)).toEqual({
      message: 'The document holds more than 10000 tokens; at most 10000 are allowed: send a smaller one',
      locations: [{ line: 1, column: expect.any(Number) }],
      extensions: { code: 'GRAPHQL_PARSE_FAILED', rule: 'maxTokens' },
    });
  });

  it("applies the limits to a subscription's initial payload", async () => {
    const flood = `subscription { projectActivity(projectId: "${projectId}") { actor { name } ${aliased(16, 'position').slice(1, -1)} } }`;
    const answer = await overWebSocket(portal.url, flood, {}, token);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'maxAliases' });
  });

  it('closes a socket whose message is over 1 MB', async () => {
    const answer = await overWebSocket(portal.url, '{ __typename }', { padding: 'x'.repeat(1_100_000) }, token);
    expect(answer.closed).toEqual({ code: 1009, reason: 'A message is over 1048576 bytes (maxBytes)' });
    expect((await overWebSocket(portal.url, '{ projects { totalCount } }', {}, token)).data).toEqual({ projects: { totalCount: 1 } });
  });
});

describe('introspection', () => {
  const query = '{ __schema { queryType { name } } }';
  it.each(TRANSPORTS)('is refused with GRAPHQL_INTROSPECTION=off (%s), and answered by default outside production', async (transport) => {
    const closed = await startPortal({ env: { GRAPHQL_INTROSPECTION: 'off' } });
    const open = await startPortal();
    try {
      expect((await firstError(closed, transport, query, {}, await closed.tokenFor('i')))?.extensions).toMatchObject({
        rule: 'introspection',
      });
      // One refusal, on either transport, though two of the fields it names are the schema's.
      const token = await closed.tokenFor('i');
      const answer = transport === 'HTTP' ? await closed.graphql(query, {}, token) : await overWebSocket(closed.url, query, {}, token);
      expect(answer.errors).toHaveLength(1);
      expect(await firstError(open, transport, query, {}, await open.tokenFor('i'))).toBeUndefined();
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

describe('names close to a mistyped one', () => {
  // A field, an argument, a type and an input field, each one letter off.
  const mistyped = `{ projects { totalCont } commitments(projectId: "p", filter: { outsideBudgt: true }) { totalCount } x: projects { ... on Projec { id } } }`;
  it.each(TRANSPORTS)('are not suggested with GRAPHQL_INTROSPECTION=off (%s), and are by default', async (transport) => {
    const closed = await startPortal({ env: { GRAPHQL_INTROSPECTION: 'off' } });
    const open = await startPortal();
    const messages = async (portal: Portal): Promise<string[]> => {
      const token = await portal.tokenFor('i');
      const answer =
        transport === 'HTTP' ? await portal.graphql(mistyped, {}, token) : await overWebSocket(portal.url, mistyped, {}, token);
      return (answer.errors ?? []).map((error: { message: string }) => error.message);
    };
    try {
      const hidden = await messages(closed);
      expect(hidden).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Cannot query field "totalCont" on type "ProjectConnection"\.$/)]),
      );
      expect(hidden.filter((message) => message.includes('Did you mean'))).toEqual([]);
      expect(hidden.length).toBeGreaterThanOrEqual(3);
      expect((await messages(open)).filter((message) => message.includes('Did you mean')).length).toBeGreaterThanOrEqual(3);
    } finally {
      await closed.close();
      await open.close();
    }
  });
});
