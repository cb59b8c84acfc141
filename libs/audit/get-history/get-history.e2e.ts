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

  it('shows a percentage a later report or assessment leaves out, or a note a later acknowledgement does, as cleared, and no change where the customer who acknowledged is the same', async () => {
    const { addRequirement } = await w.portal.ok(
      'AddRequirement',
      { input: { projectId: w.projectId, key: 'R-PCT', title: 'Export', text: 'CSV export', estimateHours: 8 } },
      w.manager,
    );
    const status = { projectId: w.projectId, subjectId: addRequirement.requirement.id };
    const told = { ...status, toldToId: w.contactId };
    await w.portal.ok('ReportStatus', { input: { ...told, toldStatus: 'ON_TRACK', toldPercentComplete: 60, message: 'Fine' } }, w.manager);
    await w.portal.ok('ReportStatus', { input: { ...told, toldStatus: 'DONE', message: 'Done' } }, w.manager);
    await w.portal.ok('AssessStatus', { input: { ...status, actualStatus: 'ON_TRACK', actualPercentComplete: 50, note: 'a' } }, w.manager);
    await w.portal.ok('AssessStatus', { input: { ...status, actualStatus: 'BLOCKED', note: 'b' } }, w.manager);
    const reports = (await w.portal.ok('StatusReports', { projectId: w.projectId }, w.customer)).statusReports;
    const done = reports.find((report: { toldStatus: string; message: string }) => report.message === 'Done');
    await w.portal.ok('AcknowledgeStatus', { input: { reportId: done.id, agrees: false, note: 'Not yet' } }, w.customer);
    await w.portal.ok('AcknowledgeStatus', { input: { reportId: done.id, agrees: true } }, w.customer);
    const { data } = await w.portal.graphql(
      'query($id: ID!) { history(id: $id) { type changes { field from to } } }',
      { id: addRequirement.requirement.id },
      w.auditor,
    );
    const [, , secondReport, , secondAssessment, firstAck, secondAck] = data!.history as {
      type: string;
      changes: { field: string; from: string | null; to: string | null }[];
    }[];
    expect(secondReport.type).toBe('StatusReported');
    expect(secondReport.changes).toContainEqual({ field: 'toldPercentComplete', from: '60', to: null });
    // A report of its own, not the first one's id changed into this one.
    expect(secondReport.changes.filter((change) => change.field === 'reportId')).toEqual([
      { field: 'reportId', from: null, to: expect.any(String) },
    ]);
    expect(secondAssessment.type).toBe('StatusAssessed');
    expect(secondAssessment.changes).toContainEqual({ field: 'actualPercentComplete', from: '50', to: null });
    expect(firstAck.changes.map((change) => change.field)).toContain('acknowledgedBy');
    // Each acknowledgement names the report it is about, with it; agreeing without a note takes the dispute's back.
    expect(secondAck.changes).toEqual([
      { field: 'agrees', from: 'false', to: 'true' },
      { field: 'reportId', from: null, to: done.id },
      { field: 'note', from: 'Not yet', to: null },
    ]);
    for (const { changes } of data!.history as { changes: { from: string | null; to: string | null }[] }[]) {
      for (const change of changes) expect(change.from).not.toBe(change.to);
    }
  });

  it("traces a status report by its own id: the report and the acknowledgements of it, from its subject's status stream", async () => {
    const { addRequirement } = await w.portal.ok(
      'AddRequirement',
      { input: { projectId: w.projectId, key: 'R-RPT', title: 'Import', text: 'CSV import', estimateHours: 8 } },
      w.manager,
    );
    const told = { projectId: w.projectId, subjectId: addRequirement.requirement.id, toldToId: w.contactId };
    await w.portal.ok('ReportStatus', { input: { ...told, toldStatus: 'ON_TRACK', message: 'First' } }, w.manager);
    await w.portal.ok('ReportStatus', { input: { ...told, toldStatus: 'AT_RISK', message: 'Second' } }, w.manager);
    const reports = (await w.portal.ok('StatusReports', { projectId: w.projectId }, w.customer)).statusReports;
    const second = reports.find((report: { message: string }) => report.message === 'Second');
    await w.portal.ok('AcknowledgeStatus', { input: { reportId: second.id, agrees: false, note: 'Worse' } }, w.customer);
    const history = (await w.portal.ok('History', { id: second.id }, w.auditor)).history;
    expect(history.map((entry: { type: string }) => entry.type)).toEqual(['StatusReported', 'StatusAcknowledged']);
    // The report is an entity of its own: its history begins with it, not with the report before it.
    expect(history[0].changes).toContainEqual({ field: 'message', from: null, to: 'Second' });
    expect(history[1].changes).toContainEqual({ field: 'agrees', from: null, to: 'false' });
    const asCustomer = await w.portal.send('History', { id: second.id }, w.customer);
    expect(asCustomer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
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

  it("numbers a project's events as Project.revision counts them, its change orders in the budget stream included", async () => {
    const opened = await w.portal.ok('OpenProject', { input: { name: 'Revisions', customerName: 'ACME', budgetHours: 10 } }, w.manager);
    const projectId = opened.openProject.project.id;
    await w.portal.ok('ChangeBudget', { input: { projectId, budgetHours: 20, reason: 'More work' } }, w.manager);
    await w.portal.ok('AddMember', { input: { projectId, userId: 'rev-dev', name: 'Rev Dev', role: 'DEVELOPER' } }, w.manager);
    const { history } = await w.portal.ok('History', { id: projectId }, w.manager);
    expect(history.map((e: { revision: number; type: string }) => [e.revision, e.type])).toEqual([
      [1, 'ProjectOpened'],
      [2, 'BudgetChanged'],
      [3, 'MemberAdded'],
    ]);
    expect((await w.portal.ok('Project', { id: projectId }, w.manager)).project.revision).toBe(3);
  });

  it('is for the team: unknown (NOT_FOUND) to a customer, FORBIDDEN to a non-member, NOT_FOUND for an unknown id', async () => {
    expect((await w.portal.send('History', { id: w.requirementId }, w.customer)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await w.portal.send('History', { id: w.requirementId }, await w.portal.tokenFor('eve'))).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await w.portal.send('History', { id: '0195f3a0-0000-7000-8000-000000000000' }, w.auditor)).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});
