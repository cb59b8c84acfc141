import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, budgetOf, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/** DESIGN section 4, the worked example: an acceptance case, run end to end over HTTP. */
describe('the worked budget example', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  const ids: Record<string, string> = {};
  const make = (token: string, input: Record<string, unknown>) =>
    portal.ok('MakeCommitment', { input: { projectId: p.projectId, ...input } }, token).then((d) => d.makeCommitment.commitment);
  const listed = async (filter: Record<string, unknown>) =>
    (await portal.ok('Commitments', { projectId: p.projectId, filter }, p.mia)).commitments;

  beforeAll(() => ({ portal, p } = world));

  it('starts with a reserve of 30 h: budget 100 h, baseline 70 h', async () => {
    expect(await budgetOf(portal, p)).toEqual({
      budgetHours: 100,
      baselineHours: 70,
      reserveHours: 30,
      remainingReserveHours: 30,
      overrunHours: 0,
      outsideRequirementsHours: 0,
      exposureHours: 70,
    });
  });

  it('accepts C1 on R1, 40 h: within requirements and budget', async () => {
    const c1 = await make(p.mia, { summary: 'Export invoices as PDF', madeToId: p.dora, requirementIds: [p.r1], estimateHours: 40 });
    ids.c1 = c1.id;
    expect(c1).toMatchObject({
      status: 'ACCEPTED',
      estimateHours: 40,
      outsideRequirements: false,
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      madeWithoutAuthority: false,
      requestedWithoutAuthority: false,
      reasons: [],
      budgetAtDecision: { budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours: 30 },
    });
    expect((await budgetOf(portal, p)).remainingReserveHours).toBe(30);
  });

  it('holds C2 (a new request only, 20 h, by a developer) for approval; 10 h of reserve remain', async () => {
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
    ids.request = raiseRequest.request.id;
    const c2 = await make(p.dan, { summary: 'Dark mode', madeToId: p.dora, requestIds: [ids.request], estimateHours: 20 });
    ids.c2 = c2.id;
    expect(c2).toMatchObject({
      status: 'PENDING_APPROVAL',
      outsideRequirements: true,
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      madeWithoutAuthority: true,
      requestedWithoutAuthority: false,
      reasons: [
        "Links no requirement of baseline 'Contract' — it adds scope.",
        'Made by a developer, not a manager, although it is outside requirements.',
      ],
    });
    expect((await budgetOf(portal, p)).remainingReserveHours).toBe(10);
  });

  it('flags C3 (outside requirements, 16 h) outside the budget by 6 h; the reserve goes to −6 h', async () => {
    const c3 = await make(p.dan, { summary: 'Audit export', madeToId: p.pat, estimateHours: 16 });
    ids.c3 = c3.id;
    expect(c3).toMatchObject({
      status: 'PENDING_APPROVAL',
      outsideRequirements: true,
      outsideBudget: true,
      exceedsBudgetByHours: 6,
      madeWithoutAuthority: true,
      requestedWithoutAuthority: true,
      reasons: [
        "Links no requirement of baseline 'Contract' — it adds scope.",
        'Draws 16 h on a reserve of 10 h — exceeds the budget by 6 h.',
        'Made by a developer, not a manager, although it is outside requirements and the budget.',
        'Not asked first-hand by anyone who could approve scope (asked by Pat Proxy).',
      ],
      budgetAtDecision: { budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours: 10 },
    });
    expect(await budgetOf(portal, p)).toMatchObject({ remainingReserveHours: -6, outsideRequirementsHours: 36, exposureHours: 106 });
  });

  it('lists exactly C3 outside the budget, with who made it, to whom and on which requests', async () => {
    const outside = await listed({ outsideBudget: true });
    expect(outside.totalCount).toBe(1);
    expect(outside.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.c3]);
    expect(outside.edges[0].node).toMatchObject({
      summary: 'Audit export',
      madeBy: { userId: 'dan', name: 'Dan Developer' },
      madeTo: { id: p.pat, name: 'Pat Proxy', role: 'PROXY' },
      requests: [],
    });
    const all = await listed({});
    expect(all.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.c1, ids.c2, ids.c3]);
    expect(all.edges[1].node.requests).toEqual([{ id: ids.request, title: 'Dark mode', channel: 'WRITTEN' }]);
    expect((await listed({ madeWithoutAuthority: true, outsideBudget: false })).totalCount).toBe(1);
  });

  it('refuses approval by a developer and leaves the status and the store as they were', async () => {
    const before = await eventCount(portal);
    const answer = await portal.send('ApproveCommitment', { input: { commitmentId: ids.c2, note: 'fine' } }, p.dan);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'A DEVELOPER may not approve commitments; it takes MANAGER',
      extensions: { code: 'FORBIDDEN', rule: 'roleAllowed' },
    });
    const byAuditor = await portal.send('ApproveCommitment', { input: { commitmentId: ids.c2, note: 'fine' } }, p.ann);
    expect(byAuditor.errors?.[0]).toMatchObject({
      message: 'An AUDITOR may not approve commitments; it takes MANAGER',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await eventCount(portal)).toBe(before);
    expect((await listed({ status: 'PENDING_APPROVAL' })).edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.c2, ids.c3]);
  });

  it("frees C2's 20 h when it is withdrawn", async () => {
    const { withdrawCommitment } = await portal.ok('WithdrawCommitment', { input: { commitmentId: ids.c2, note: 'Not now' } }, p.dan);
    expect(withdrawCommitment.commitment).toEqual({ id: ids.c2, status: 'WITHDRAWN' });
    expect((await budgetOf(portal, p)).remainingReserveHours).toBe(14);
  });

  it('re-classifies C1 revised to 50 h: a 10 h overrun on R1 draws on the reserve', async () => {
    const { reviseCommitment } = await portal.ok(
      'ReviseCommitment',
      {
        input: {
          commitmentId: ids.c1,
          estimateHours: 50,
          reason: 'PDF/A needed',
          expectedRevision: 1,
        },
      },
      p.mia,
    );
    expect(reviseCommitment.commitment).toEqual({
      id: ids.c1,
      estimateHours: 50,
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      revision: 2,
    });
    expect(await budgetOf(portal, p)).toMatchObject({ overrunHours: 10, exposureHours: 96, remainingReserveHours: 4 });
    const c1 = (await listed({ outsideRequirements: false })).edges[0].node;
    expect(c1).toMatchObject({ id: ids.c1, status: 'ACCEPTED', reasons: [] });
    const stale = await portal.send(
      'ReviseCommitment',
      { input: { commitmentId: ids.c1, estimateHours: 45, reason: 'x', expectedRevision: 1 } },
      p.mia,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 2 });
  });
});
