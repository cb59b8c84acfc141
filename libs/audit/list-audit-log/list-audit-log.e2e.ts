import { type AuditWorld, openOtherProject, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

interface Entry {
  position: string;
  stream: string;
  revision: number;
  type: string;
  occurredAt: string;
  actor: { userId: string; name: string };
  correlationId: string;
  causationId: string | null;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
}
type Connection = { edges: { cursor: string; node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('auditLog', () => {
  let w: AuditWorld;
  let all: Entry[];
  const log = async (variables: Record<string, unknown>, token = w.auditor): Promise<Connection> =>
    (await w.portal.ok('AuditLog', variables, token)).auditLog;

  beforeAll(async () => {
    w = await setUpAuditWorld();
    all = (await log({ filter: { projectId: w.projectId }, first: 500 })).edges.map((e) => e.node);
  });
  afterAll(() => w?.portal.close());

  it('shows every event of the project in global order, with its metadata, data and hash links', () => {
    expect(all.map((e) => e.type)).toEqual([
      'ProjectOpened',
      'ContactRegistered',
      'MemberAdded',
      'MemberAdded',
      'MemberAdded',
      'RequirementAdded',
      'RequirementRevised',
    ]);
    const positions = all.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(all[0]).toMatchObject({
      stream: `project-${w.projectId}`,
      revision: 1,
      actor: { userId: 'ada', name: 'Ada Manager' },
      causationId: null,
      data: { projectId: w.projectId, name: 'Portal', customerName: 'ACME', budgetHours: 200 },
      prevHash: '0'.repeat(64),
    });
    expect(all[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(all[0].correlationId).toEqual(expect.any(String));
    expect(all[0].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const members = all.filter((e) => e.type === 'MemberAdded');
    expect(members.map((e) => e.revision)).toEqual([2, 3, 4]);
    expect(members[0].prevHash).toBe(all[0].hash);
    expect(all[6]).toMatchObject({ stream: w.requirementStream, revision: 2, actor: { userId: 'dev' }, data: { estimateHours: 48 } });
  });

  it('pages by position: the cursor is the position, and pages join up to the whole log', async () => {
    const seen: Entry[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const connection: Connection = await log({ filter: { projectId: w.projectId }, first: 3, after });
      expect(connection.edges.map((e) => e.cursor)).toEqual(connection.edges.map((e) => e.node.position));
      seen.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('filters by stream, actor, types and time', async () => {
    const types = async (filter: Record<string, unknown>) =>
      (await log({ filter: { projectId: w.projectId, ...filter } })).edges.map((e) => e.node.type);
    expect(await types({ stream: w.requirementStream })).toEqual(['RequirementAdded', 'RequirementRevised']);
    expect(await types({ actorId: 'dev' })).toEqual(['RequirementRevised']);
    expect(await types({ types: ['MemberAdded', 'ContactRegistered'] })).toEqual([
      'ContactRegistered',
      'MemberAdded',
      'MemberAdded',
      'MemberAdded',
    ]);
    const from = all[5].occurredAt;
    expect(await types({ from })).toEqual(all.filter((e) => e.occurredAt >= from).map((e) => e.type));
    expect(await types({ to: all[0].occurredAt })).toEqual(all.filter((e) => e.occurredAt <= all[0].occurredAt).map((e) => e.type));
    expect(await types({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).toEqual([]);
    // Swapped, the span holds nothing: refused on `to`, not answered empty.
    const swapped = await w.portal.send(
      'AuditLog',
      { filter: { projectId: w.projectId, from: '2000-01-02T00:00:00Z', to: '2000-01-01T00:00:00Z' } },
      w.auditor,
    );
    expect(swapped.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    // A misspelt type would match nothing and read as "never happened": refused, naming the types there are.
    const misspelt = await w.portal.send('AuditLog', { filter: { projectId: w.projectId, types: ['RequirementRevisd'] } }, w.auditor);
    expect(misspelt.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    expect(misspelt.errors?.[0].message).toMatch(
      /"RequirementRevisd" is not an event type the ledger records; it records .*RequirementRevised/,
    );
    expect(await types({ types: ['CommitmentWithdrawn'] })).toEqual([]); // recorded by the ledger, none here
    const empty = await w.portal.send('AuditLog', { filter: { projectId: w.projectId, types: [] } }, w.auditor);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    // A stream named with its id in capitals is the same stream; a name that is no stream's is refused, not answered empty.
    expect(await types({ stream: w.requirementStream.toUpperCase() })).toEqual(['RequirementAdded', 'RequirementRevised']);
    for (const stream of ['nonsense', 'requirment-1', 'requirement-']) {
      const nonsense = await w.portal.send('AuditLog', { filter: { projectId: w.projectId, stream } }, w.auditor);
      expect(nonsense.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stream' });
    }
  });

  it('without a project shows only the projects where the caller is MANAGER or AUDITOR', async () => {
    const otherId = await openOtherProject(w);
    const projectsOf = async (token: string) => new Set((await log({ first: 500 }, token)).edges.map((e) => e.node.data.projectId));
    expect(await projectsOf(w.auditor)).toEqual(new Set([w.projectId]));
    expect(await projectsOf(w.manager)).toEqual(new Set([w.projectId, otherId]));
    const other = await w.portal.send('AuditLog', { filter: { projectId: otherId } }, w.auditor);
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('is FORBIDDEN to developers and customers, UNAUTHENTICATED without a token, and refuses a bad cursor', async () => {
    for (const token of [w.developer, w.customer]) {
      expect((await w.portal.send('AuditLog', { filter: { projectId: w.projectId } }, token)).errors?.[0].extensions.code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await w.portal.send('AuditLog', {}, w.developer)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await w.portal.send('AuditLog', {}, '')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await w.portal.send('AuditLog', { filter: { projectId: w.projectId }, after: 'abc' }, w.auditor);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(bad.errors?.[0].message).toBe(
      "after: must be a position in the log (a decimal string): an entry's cursor, or a position noted to resume from",
    );
  });

  it("keeps no copy of a forgotten contact's personal fields", async () => {
    await w.portal.ok('ForgetContact', { input: { contactId: w.contactId, reason: 'asked to be forgotten' } }, w.manager);
    const rows = (await log({ filter: { projectId: w.projectId, stream: `contact-${w.contactId}` } })).edges.map((e) => e.node);
    expect(rows.map((e) => e.type)).toEqual(['ContactRegistered', 'ContactForgotten']);
    expect(rows[0].data).toMatchObject({ name: '[forgotten]', role: 'DECISION_MAKER' });
    expect(JSON.stringify(rows)).not.toContain('Carla Customer');
  });
});
