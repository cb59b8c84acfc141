import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/** DESIGN section 4's worked example, as the Dashboard operation shows it over HTTP. */
describe('the dashboard of the worked budget example', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  // The members joined today: this month is one the contact-days target applies to.
  const thisMonth = new Date().toISOString().slice(0, 7);
  const dashboard = async (token: string) => (await portal.ok('Dashboard', { projectId: p.projectId, month: thisMonth }, token)).dashboard;

  beforeAll(async () => {
    ({ portal, p } = world);
    const make = (token: string, input: Record<string, unknown>) =>
      portal.ok('MakeCommitment', { input: { projectId: p.projectId, ...input } }, token);
    await make(p.mia, { summary: 'Export invoices as PDF', madeToId: p.dora, requirementIds: [p.r1], estimateHours: 40 });
    const { raiseRequest } = await portal.ok(
      'RaiseRequest',
      {
        input: {
          projectId: p.projectId,
          title: 'Dark mode',
          description: 'Please',
          kind: 'FEATURE',
          channel: 'WRITTEN',
          requestedById: p.dora,
        },
      },
      p.dan,
    );
    await make(p.dan, { summary: 'Dark mode', madeToId: p.dora, requestIds: [raiseRequest.request.id], estimateHours: 20 });
    await make(p.dan, { summary: 'Audit export', madeToId: p.pat, estimateHours: 16 });
  });

  it('shows the budget and the commitments by status and flag, the same figures as Project.budget', async () => {
    const d = await dashboard(p.mia);
    expect(d.budget).toEqual({ budgetHours: 100, baselineHours: 70, remainingReserveHours: -6, exposureHours: 106 });
    expect(d.commitments).toEqual({
      total: 3,
      accepted: 1,
      pendingApproval: 2,
      outsideRequirements: 2,
      outsideBudget: 1,
      madeWithoutAuthority: 2,
      hoursOutsideBudget: 6,
    });
    const { project } = await portal.ok('Project', { id: p.projectId }, p.mia);
    expect(project.budget).toMatchObject(d.budget);
    expect(d.requests).toEqual({
      total: 1,
      open: 1,
      declineRate: null,
      medianHoursToFirstResponse: null,
      byChannel: [
        { channel: 'DIRECT', count: 0 },
        { channel: 'PROXY', count: 0 },
        { channel: 'WRITTEN', count: 1 },
      ],
    });
    expect(d.contactDays).toEqual([{ developer: { userId: 'dan', name: 'Dan Developer' }, days: 0, target: 2 }]);
    expect(d).toMatchObject({ uncontactedDepartments: [], perceptionGapCount: 0, projectionLag: 0 });
  });

  it("gives back a rejected commitment's hours: the reserve returns to 10 h and the flags stop counting it", async () => {
    const { commitments } = await portal.ok('Commitments', { projectId: p.projectId, filter: { outsideBudget: true } }, p.mia);
    const c3 = commitments.edges[0].node.id;
    await portal.ok('RejectCommitment', { input: { commitmentId: c3, note: 'Not now' } }, p.mia);
    const d = await dashboard(p.dan);
    expect(d.budget).toEqual({ budgetHours: 100, baselineHours: 70, remainingReserveHours: 10, exposureHours: 90 });
    expect(d.commitments).toEqual({
      total: 3,
      accepted: 1,
      pendingApproval: 1,
      outsideRequirements: 1,
      outsideBudget: 0,
      madeWithoutAuthority: 1,
      hoursOutsideBudget: 0,
    });
  });

  it("judges a revision without the commitment's own earlier hours: C2 at 25 h fits the 30 h left without it", async () => {
    const { commitments } = await portal.ok('Commitments', { projectId: p.projectId, filter: { status: 'PENDING_APPROVAL' } }, p.mia);
    const { reviseCommitment } = await portal.ok(
      'ReviseCommitment',
      { input: { commitmentId: commitments.edges[0].node.id, estimateHours: 25, reason: 'Two themes' } },
      p.mia,
    );
    expect(reviseCommitment.commitment).toMatchObject({ estimateHours: 25, outsideBudget: false, exceedsBudgetByHours: 0 });
    expect((await dashboard(p.mia)).budget).toEqual({ budgetHours: 100, baselineHours: 70, remainingReserveHours: 5, exposureHours: 95 });
  });

  it('lets auditors read it and the gaps and changes, refuses customers (budget, internal assessments) and a malformed month, and writes nothing', async () => {
    expect((await dashboard(p.ann)).budget.budgetHours).toBe(100);
    const before = await eventCount(portal);
    const customer = await portal.send('Dashboard', { projectId: p.projectId, month: '2026-03' }, p.cora);
    expect(customer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const badMonth = await portal.send('Dashboard', { projectId: p.projectId, month: 'March' }, p.mia);
    expect(badMonth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    // A month before any date the ledger records is a slip, as such a date is (README).
    const slip = await portal.send('Dashboard', { projectId: p.projectId, month: '1969-12' }, p.mia);
    expect(slip.errors?.[0]).toMatchObject({ message: 'month: must be 1970-01 or later (got 1969-12)', extensions: { field: 'month' } });
    const stranger = await portal.send('Dashboard', { projectId: p.projectId, month: '2026-03' }, await portal.tokenFor('eve'));
    expect(stranger.errors?.[0].extensions.code).toBe('FORBIDDEN');
    for (const operation of ['PerceptionGaps', 'RequirementChanges']) {
      expect((await portal.send(operation, { projectId: p.projectId }, p.cora)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await portal.ok(operation, { projectId: p.projectId }, p.ann)).toBeDefined();
    }
    expect(await eventCount(portal)).toBe(before);
  });
});
