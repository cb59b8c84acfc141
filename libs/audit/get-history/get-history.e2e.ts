import { type AuditWorld, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

describe('history', () => {
  let w: AuditWorld;
  beforeAll(async () => (w = await setUpAuditWorld()));
  afterAll(() => w?.portal.close());

  it("shows a requirement's events with the estimate change field by field, and each revision's reason and trigger", async () => {
    const { history } = await w.portal.ok('History', { id: w.requirementId }, w.auditor);
    expect(history.map((e: { revision: number; type: string }) => [e.revision, e.type])).toEqual([
      [1, 'RequirementAdded'],
      [2, 'RequirementRevised'],
    ]);
    expect(history[0].actor).toEqual({ userId: 'ada', name: 'Ada Manager' });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'key', from: null, to: 'R1' },
        { field: 'title', from: null, to: 'Bulk upload' },
        { field: 'estimateHours', from: null, to: '40' },
      ]),
    );
    expect(history[1]).toMatchObject({
      actor: { userId: 'dev', name: 'Dev Eloper' },
      changes: [
        { field: 'estimateHours', from: '40', to: '48' },
        { field: 'reason', from: null, to: 'PDF too' },
        { field: 'trigger', from: null, to: '{"kind":"INTERNAL"}' },
      ],
    });
    expect(history[1].occurredAt >= history[0].occurredAt).toBe(true);
  });

  it('tells the status reports on a requirement from its own events by their stream, each counted and compared in its own', async () => {
    const status = { projectId: w.projectId, subjectId: w.requirementId };
    await w.portal.ok(
      'ReportStatus',
      { input: { ...status, toldStatus: 'ON_TRACK', toldToId: w.contactId, message: 'Going well' } },
      w.manager,
    );
    await w.portal.ok('AssessStatus', { input: { ...status, actualStatus: 'AT_RISK', note: 'PDF parsing' } }, w.manager);
    const { data } = await w.portal.graphql(
      'query($id: ID!) { history(id: $id) { stream revision type changes { field from to } } }',
      { id: w.requirementId },
      w.auditor,
    );
    const history = data!.history as { stream: string; revision: number; type: string; changes: { field: string }[] }[];
    expect(history.map((e) => [e.stream, e.revision, e.type])).toEqual([
      [w.requirementStream, 1, 'RequirementAdded'],
      [w.requirementStream, 2, 'RequirementRevised'],
      [`status-${w.requirementId}`, 1, 'StatusReported'],
      [`status-${w.requirementId}`, 2, 'StatusAssessed'],
    ]);
    expect(history[3].changes).toEqual(expect.arrayContaining([{ field: 'actualStatus', from: null, to: 'AT_RISK' }]));
    // An assessment is held against assessments, a report against the reports to the same contact.
    expect(history[3].changes.map((change) => change.field)).not.toContain('toldStatus');
  });

  it('works for any entity: a project, its members as parts of it', async () => {
    const { history } = await w.portal.ok('History', { id: w.projectId }, w.developer);
    expect(history.map((e: { type: string }) => e.type)).toEqual(['ProjectOpened', 'MemberAdded', 'MemberAdded', 'MemberAdded']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: 'Portal' },
        { field: 'budgetHours', from: null, to: '200' },
      ]),
    );
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'member.name', from: null, to: 'Dev Eloper' },
        { field: 'member.role', from: null, to: 'DEVELOPER' },
      ]),
    );
  });

  it('is for the team: FORBIDDEN to a customer, NOT_FOUND for an unknown id', async () => {
    expect((await w.portal.send('History', { id: w.requirementId }, w.customer)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await w.portal.send('History', { id: w.requirementId }, await w.portal.tokenFor('eve'))).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await w.portal.send('History', { id: '0195f3a0-0000-7000-8000-000000000000' }, w.auditor)).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});
