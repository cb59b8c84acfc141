import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { EventSourcing, openEventStore } from '@cf/ledger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectsDecider } from '@cf/projects';
import { type Portal, startPortal } from './harness/portal-harness.js';

describe('the service', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('reports the store and every projection on GET /health', async () => {
    const token = await portal.tokenFor('hal');
    await portal.ok('OpenProject', { input: { name: 'Health', customerName: 'C', budgetHours: 1 } }, token);
    const response = await fetch(portal.url.replace('/graphql', '/health'));
    const health = (await response.json()) as {
      status: string;
      store: { kind: string; headPosition: string };
      projections: { name: string; lag: string }[];
    };
    expect(response.status).toBe(200);
    expect(health.status).toBe('ok');
    expect(health.store.kind).toBe(process.env.EVENT_STORE ?? 'sqlite');
    expect(BigInt(health.store.headPosition) >= 1n).toBe(true);
    expect(health.projections.map((p) => p.name)).toContain('projects');
    expect(health.projections.every((p) => p.lag === '0')).toBe(true);
  });

  it('keeps an idle connection open longer than proxies and clients keep theirs, and says so', async () => {
    const response = await fetch(portal.url.replace('/graphql', '/health/live'));
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('serves GraphiQL at /graphql that loads nothing from the internet', async () => {
    const response = await fetch(portal.url, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<script type="module" src="/web/console/console.js">');
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('hides internal errors and stack traces from clients', async () => {
    const answer = await portal.graphql('{ __typename }', {}, 'not-a-token');
    expect(answer.data?.__typename).toBe('Query');
    const refused = await portal.graphql('{ projects { totalCount } }', {}, 'not-a-token');
    expect(refused.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(refused)).not.toContain('    at ');
  });

  it('refuses operations nested deeper than 10 levels', async () => {
    const deep = `{ ${'__type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }'} }`;
    const answer = await portal.graphql(deep, {}, await portal.tokenFor('hal'));
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'queryDepth' });
  });

  it("answers graphql-js's own introspection query, which schema tools send, nested 21 deep", async () => {
    const answer = await portal.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}, '');
    expect(answer.errors).toBeUndefined();
    expect(
      buildClientSchema(answer.data as never)
        .getQueryType()
        ?.getFields().webhook,
    ).toBeDefined();
  });

  it('refuses an operation repeating a field too often to be checked, naming the rule', async () => {
    const answer = await portal.graphql(
      `{ projects(first: 5) { edges { node { ${'name '.repeat(1000)} } } } }`,
      {},
      await portal.tokenFor('hal'),
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'validationBudget' });
    expect(answer.errors?.[0].message).toContain('ask for each field once');
  });

  it('refuses operations whose estimated cost is too high, counting the page sizes asked for', async () => {
    const page = (alias: string) => `${alias}: projects(first: $first) { edges { cursor node { id name customerName } } }`;
    const query = `query Costly($first: Int) { ${Array.from({ length: 12 }, (_, i) => page(`p${i}`)).join(' ')} }`;
    const token = await portal.tokenFor('hal');
    const refused = await portal.graphql(query, { first: 500 }, token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'queryComplexity' });
    const cheap = await portal.graphql(query, { first: 5 }, token);
    expect(cheap.errors).toBeUndefined();
  });
});

describe('rate limiting', () => {
  it('refuses a user past RATE_LIMIT_PER_MINUTE with RATE_LIMITED, other users unaffected', async () => {
    const portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const [ada, bob] = [await portal.tokenFor('ada'), await portal.tokenFor('bob')];
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await portal.graphql('{ projects { totalCount } }', {}, ada)).errors?.[0].extensions.code);
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    expect((await portal.graphql('{ projects { totalCount } }', {}, bob)).errors).toBeUndefined();
    await portal.close();
  });
});

describe('graceful shutdown', () => {
  it('lets a command in flight finish and closes the store cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-shutdown-'));
    const portal = await startPortal({ dataDir });
    const eventSourcing = portal.app.get(EventSourcing);
    const caller = { actor: { userId: 'sam', name: 'Sam' }, correlationId: 'c' };
    const inFlight = eventSourcing.execute(
      projectsDecider,
      'project-0198f3c4-0000-7000-8000-000000000001',
      {
        type: 'OpenProject',
        projectId: '0198f3c4-0000-7000-8000-000000000001',
        name: 'Late',
        customerName: 'C',
        budgetHours: 1,
        actor: caller.actor,
      },
      { caller },
    );
    const closing = portal.app.close();
    const result = await inFlight;
    await closing;
    const store = openEventStore(portal.config);
    expect((await store.readStream(result.stream)).map((e) => e.type)).toEqual(['ProjectOpened']);
    await store.close();
    await portal.removeStore();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
