import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

describe('strict scalars over HTTP and graphql-ws', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('ada');
    projectId = (await portal.ok('OpenProject', { input: { name: 'P', customerName: 'C', budgetHours: 1 } }, token)).openProject.project.id;
  });
  afterAll(() => portal.close());

  const send = (transport: string, query: string, variables: Record<string, unknown>) =>
    transport === 'HTTP' ? portal.graphql(query, variables, token) : overWebSocket(portal.url, query, variables, token);

  it.each(['HTTP', 'graphql-ws'])('refuses a DateTime of 30 February, as a variable and as a literal (%s)', async (transport) => {
    const asVariable = await send(transport, 'query Q($from: DateTime) { auditLog(filter: { from: $from }) { edges { cursor } } }', {
      from: '2026-02-30T10:00:00Z',
    });
    expect(asVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(asVariable.errors?.[0].message).toContain('DateTime must be a real ISO-8601 date and time');
    const asLiteral = await send(
      transport,
      `{ auditLog(filter: { projectId: "${projectId}", from: "2026-02-30T10:00:00Z" }) { edges { cursor } } }`,
      {},
    );
    expect(asLiteral.errors?.[0].message).toContain('DateTime must be a real ISO-8601 date and time');
    expect(asLiteral.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const asArgument = await send(transport, `{ requirementAsOf(id: "${projectId}", asOf: "yesterday") { revision } }`, {});
    expect(asArgument.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    // A variable named otherwise is named by the argument it is given for, as the written value is.
    const whenQuery = 'query Q($id: ID!, $when: DateTime!) { requirementAsOf(id: $id, asOf: $when) { revision } }';
    const asNamedVariable = await send(transport, whenQuery, { id: projectId, when: 'yesterday' });
    expect(asNamedVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    const listQuery =
      'mutation M($ids: [ID!]) { makeCommitment(input: { projectId: "p", madeToId: "c", summary: "s", estimateHours: 1, requestIds: $ids }) { position } }';
    const asListItem = await send(transport, listQuery, { ids: ['r', true] });
    expect(asListItem.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestIds[1]' });
    const real = await send(transport, 'query Q($from: DateTime) { auditLog(filter: { from: $from }) { edges { cursor } } }', {
      from: '2026-02-28T10:00:00Z',
    });
    expect(real.errors).toBeUndefined();
  });

  it.each(['HTTP', 'graphql-ws'])(
    'answers any value written into the document that its type refuses as bad input naming its field (%s)',
    async (transport) => {
      const fieldOf = async (query: string) => {
        const { errors } = await send(transport, query, {});
        expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        return errors?.[0].extensions.field;
      };
      expect(await fieldOf(`{ requests(projectId: "${projectId}", first: 99999999999) { edges { cursor } } }`)).toBe('first');
      expect(await fieldOf(`{ requests(projectId: "${projectId}", filter: { kind: FOO }) { edges { cursor } } }`)).toBe('kind');
      expect(await fieldOf('mutation { openProject(input: { name: "P", customerName: "C", budgetHours: "ten" }) { position } }')).toBe(
        'budgetHours',
      );
      expect(await fieldOf('mutation { openProject(input: { name: "P", customerName: "C" }) { position } }')).toBe('budgetHours');
      expect(await fieldOf('{ project(id: { a: 1 }) { id } }')).toBe('id');
    },
  );

  it.each(['HTTP', 'graphql-ws'])('names the field of an input object a scalar refused, as the ledger names it (%s)', async (transport) => {
    const session = await send(transport, 'mutation M($input: LogContactSessionInput!) { logContactSession(input: $input) { position } }', {
      input: { projectId, date: '2026-02-30', days: 1, kind: 'ON_SITE', developerIds: ['ada'], contactIds: [] },
    });
    expect(session.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const missing = await send(transport, 'mutation M($i: LogContactSessionInput!) { logContactSession(input: $i) { position } }', {
      i: { projectId, days: 1, kind: 'ON_SITE', developerIds: ['ada'], contactIds: [] },
    });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const unknown = await send(transport, 'mutation M($i: LogContactSessionInput!) { logContactSession(input: $i) { position } }', {
      i: { projectId, date: '2026-01-05', days: 1, kind: 'ON_SITE', developerIds: ['ada'], contactIds: [], zzz: 1 },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'zzz' });
  });

  it('refuses text that is not text, or that nobody could read, and opens nothing', async () => {
    const open = (name: string) => portal.send('OpenProject', { input: { name, customerName: 'C', budgetHours: 1 } }, token);
    // Sent over HTTP as the JSON escape \ud800: a lone surrogate, which a store would keep as U+FFFD.
    // A right-to-left override would show the name in another order than the log holds.
    for (const name of ['Zo\ud800', '\u200b', '\u2060\ufeff ', 'Invoice \u202efdp.exe']) {
      expect((await open(name)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    const { projects } = await portal.ok('Projects', {}, token);
    expect(projects.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['P']);
  });
});
