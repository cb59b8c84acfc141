import { eventsTable } from '../../../test/harness/events-table.js';
import { type AuditWorld, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

const NESTED = 'query($id: ID!, $asOf: DateTime!) { requirementAsOf(id: $id, asOf: $asOf) { revision inBaseline revisions { revision } } }';

describe('requirementAsOf', () => {
  let w: AuditWorld;
  let addedAt: string;
  let revisedAt: string;
  beforeAll(async () => {
    w = await setUpAuditWorld();
    const { history } = await w.portal.ok('History', { id: w.requirementId }, w.auditor);
    [addedAt, revisedAt] = history.map((e: { occurredAt: string }) => e.occurredAt);
  });
  afterAll(() => w?.portal.close());

  const asOf = async (at: string) => (await w.portal.ok('RequirementAsOf', { id: w.requirementId, asOf: at }, w.auditor)).requirementAsOf;

  it('between the two revisions returns the older values', async () => {
    expect(revisedAt > addedAt).toBe(true);
    const between = new Date((Date.parse(addedAt) + Date.parse(revisedAt)) / 2).toISOString();
    expect(await asOf(between)).toEqual({
      id: w.requirementId,
      key: 'R1',
      title: 'Bulk upload',
      text: 'Upload many files at once.',
      estimateHours: 40,
      revision: 1,
    });
    expect(await asOf(addedAt)).toMatchObject({ estimateHours: 40, revision: 1 });
  });

  it('at or after the revision returns the revised values, as the requirement reads now', async () => {
    expect(await asOf(revisedAt)).toMatchObject({ estimateHours: 48, revision: 2 });
    const { requirement } = await w.portal.ok('Requirement', { id: w.requirementId }, w.auditor);
    expect(await asOf('2999-01-01T00:00:00Z')).toMatchObject({
      estimateHours: requirement.estimateHours,
      revision: requirement.revision,
      title: requirement.title,
    });
  });

  it('answers its baseline and its revisions as of that moment too, not as they stand today', async () => {
    const between = new Date((Date.parse(addedAt) + Date.parse(revisedAt)) / 2).toISOString();
    const { approveBaseline } = await w.portal.ok(
      'ApproveBaseline',
      { input: { projectId: w.projectId, name: 'Contract', countersignedById: w.contactId } },
      w.manager,
    );
    const nested = async (at: string) =>
      (await w.portal.graphql(NESTED, { id: w.requirementId, asOf: at }, w.auditor)).data!.requirementAsOf;
    expect(await nested(between)).toEqual({ revision: 1, inBaseline: false, revisions: [{ revision: 1 }] });
    expect(await nested(approveBaseline.baseline.approvedAt)).toEqual({
      revision: 2,
      inBaseline: true,
      revisions: [{ revision: 1 }, { revision: 2 }],
    });
  });

  it("rests on the times the hash chain covers: rewriting the store's own time column moves nothing", async () => {
    const between = new Date((Date.parse(addedAt) + Date.parse(revisedAt)) / 2).toISOString();
    const table = eventsTable(w.portal);
    // The revision dated back before the requirement was added, in the column only (the metadata's time is hashed).
    const row = await table.set(w.requirementStream, 1, 'occurred_at', '2020-01-01T00:00:00.000Z');
    try {
      expect(
        (await w.portal.send('RequirementAsOf', { id: w.requirementId, asOf: '2021-01-01T00:00:00Z' }, w.auditor)).errors?.[0].extensions
          .code,
      ).toBe('NOT_FOUND');
      expect(await asOf(between)).toMatchObject({ estimateHours: 40, revision: 1 });
    } finally {
      await table.set(w.requirementStream, 1, 'occurred_at', row.occurred_at);
    }
  });

  it('is NOT_FOUND before the requirement existed and to a customer (as an unknown one), BAD_USER_INPUT for a bad time', async () => {
    const before = await w.portal.send('RequirementAsOf', { id: w.requirementId, asOf: '2000-01-01T00:00:00Z' }, w.auditor);
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Requirement', id: w.requirementId, field: 'id' });
    expect(before.errors?.[0].message).toMatch(/does not exist: not yet at 2000-01-01T00:00:00.000Z/);
    expect(
      (await w.portal.send('RequirementAsOf', { id: w.requirementId, asOf: revisedAt }, w.customer)).errors?.[0].extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Requirement',
    });
    expect(
      (await w.portal.send('RequirementAsOf', { id: w.requirementId, asOf: 'yesterday' }, w.auditor)).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});
