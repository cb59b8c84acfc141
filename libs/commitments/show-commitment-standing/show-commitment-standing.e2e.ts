import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, budgetOf, workedProject } from '../../../test/fixtures/worked-project.js';

/** Commitments you can trust, over HTTP: judged when made (history) and standing today (derived). */
describe('a commitment as made and as it stands today', () => {
  let portal: Portal;
  let p: WorkedProject;
  const make = async (token: string, input: Record<string, unknown>): Promise<string> =>
    (await portal.ok('MakeCommitment', { input: { projectId: p.projectId, madeToId: p.dora, ...input } }, token)).makeCommitment.commitment
      .id;
  const standing = async (id: string, token = p.mia) => (await portal.ok('CommitmentStanding', { id }, token)).commitment;
  const dashboard = async () => (await portal.ok('DashboardStanding', { projectId: p.projectId }, p.mia)).dashboard.commitments;
  const changeOrder = (input: Record<string, unknown>, token = p.mia) =>
    portal.send('ChangeOrder', { input: { projectId: p.projectId, reason: 'Change order', ...input } }, token);

  beforeEach(async () => {
    portal = await startPortal();
    p = await workedProject(portal);
  });
  afterEach(() => portal.close());

  it('brings a later promise inside the budget when an earlier one is withdrawn; what it was made as stays', async () => {
    await make(p.mia, { summary: 'C1', requirementIds: [p.r1], estimateHours: 40 });
    const c2 = await make(p.dan, { summary: 'C2', estimateHours: 20 });
    const c3 = await make(p.dan, { summary: 'C3', madeToId: p.pat, estimateHours: 16 });
    const before = await standing(c3);
    expect(before.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 6 });
    expect(before.current).toEqual(before.atDecision);
    await portal.ok('WithdrawCommitment', { input: { commitmentId: c2, note: 'Not now' } }, p.dan);
    const after = await standing(c3);
    expect(after.atDecision).toEqual(before.atDecision);
    const withdrawn = await standing(c2);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', current: null, atDecision: { outsideRequirements: true } });
    expect(after.current).toMatchObject({
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      outsideRequirements: true,
      madeWithoutAuthority: true,
    });
    expect(await dashboard()).toEqual({
      outsideBudget: 1,
      hoursOutsideBudget: 6,
      madeWithoutAuthority: 1,
      currentlyOutsideBudget: 0,
      currentHoursOutsideBudget: 0,
      awaitingAuthority: 1,
      suspect: 0,
    });
    // The dashboard's figure, drilled into: the active ones only.
    const list = async (filter: Record<string, boolean>) =>
      (
        await portal.graphql(
          'query($p: ID!, $f: CommitmentFilter) { commitments(projectId: $p, filter: $f) { edges { node { summary } } } }',
          { p: p.projectId, f: filter },
          p.mia,
        )
      ).data!.commitments.edges.map((edge: { node: { summary: string } }) => edge.node.summary);
    expect(await list({ madeWithoutAuthority: true })).toEqual(['C2', 'C3']);
    expect(await list({ madeWithoutAuthority: true, active: true })).toEqual(['C3']);
    expect(await list({ active: false })).toEqual(['C2']);
  });

  it('follows change orders: +200 h brings everything inside today, a cut flags promises in the order made', async () => {
    await make(p.mia, { summary: 'C1', requirementIds: [p.r1], estimateHours: 40 });
    const c2 = await make(p.dan, { summary: 'C2', estimateHours: 20 });
    const c3 = await make(p.dan, { summary: 'C3', estimateHours: 16 });
    const raised = await changeOrder({ budgetHours: 300 });
    expect(raised.data?.changeBudget.project).toMatchObject({
      budgetHours: 300,
      budget: { remainingReserveHours: 194, exposureHours: 106 },
    });
    expect((await standing(c3)).current.outsideBudget).toBe(false);
    expect(await dashboard()).toMatchObject({ outsideBudget: 1, currentlyOutsideBudget: 0 });
    await changeOrder({ budgetHours: 80 });
    expect([(await standing(c2)).current.exceedsBudgetByHours, (await standing(c3)).current.exceedsBudgetByHours]).toEqual([10, 16]);
    expect(await dashboard()).toMatchObject({
      outsideBudget: 1,
      hoursOutsideBudget: 6,
      currentlyOutsideBudget: 2,
      currentHoursOutsideBudget: 26,
    });
  });

  it('lets a change order countersigned by the customer pay for a promise: it draws first and lists the cover', async () => {
    const c2 = await make(p.dan, { summary: 'C2', estimateHours: 40 });
    const ocr = await make(p.dan, { summary: 'OCR', estimateHours: 16 });
    expect((await changeOrder({ budgetHours: 116, coversCommitmentIds: [ocr] })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'countersignedById',
    });
    expect(
      (await changeOrder({ budgetHours: 116, coversCommitmentIds: [ocr], countersignedById: p.pat })).errors?.[0].extensions,
    ).toMatchObject({ code: 'RULE_VIOLATED', rule: 'countersignerCanApproveScope' });
    const signed = await changeOrder({ budgetHours: 116, coversCommitmentIds: [ocr], countersignedById: p.dora });
    const covered = await standing(ocr);
    expect(covered.coveredBy).toEqual([
      {
        position: signed.data?.changeBudget.position,
        reason: 'Change order',
        budgetHours: 116,
        countersignedBy: { id: p.dora, name: 'Dora Decider' },
      },
    ]);
    expect(covered.current).toMatchObject({ outsideBudget: false });
    // Made first, C2 would draw the new hours first; the change order pays for OCR, so OCR draws before it.
    expect((await standing(c2)).current).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 10 });
  });

  it("keeps the maker's missing authority when a manager trims the promise; approval is how a manager gives it", async () => {
    const big = await make(p.dan, { summary: 'Big', estimateHours: 45 });
    const trimmed = await portal.ok(
      'ReviseCommitment',
      { input: { commitmentId: big, estimateHours: 20, reason: 'Trimmed', expectedRevision: 1 } },
      p.mia,
    );
    expect(trimmed.reviseCommitment.commitment).toMatchObject({ outsideBudget: false, revision: 2 });
    expect((await standing(big)).atDecision).toMatchObject({ outsideBudget: false, madeWithoutAuthority: true });
    expect((await dashboard()).awaitingAuthority).toBe(1);
    await portal.ok('ApproveCommitment', { input: { commitmentId: big, note: 'Fine' } }, p.mia);
    expect((await dashboard()).awaitingAuthority).toBe(0);
    // Its own history, though its events share the project's budget stream with every other decision on the budget.
    const history = (await portal.ok('History', { id: big }, p.ann)).history;
    expect(history.map((h: { revision: number; type: string }) => [h.revision, h.type])).toEqual([
      [1, 'CommitmentMade'],
      [2, 'CommitmentRevised'],
      [3, 'CommitmentApproved'],
    ]);
    expect(history[1].changes.map((c: { field: string }) => c.field)).toEqual(['estimateHours', 'atDecision', 'reason']);
    expect([history[1].changes[0], history[1].changes[2]]).toEqual([
      { field: 'estimateHours', from: '45', to: '20' },
      { field: 'reason', from: null, to: 'Trimmed' },
    ]);
    // An approval moves the status by its type: the history says so, and holds a later revision's status against it.
    expect(history[2].changes).toContainEqual({ field: 'status', from: 'PENDING_APPROVAL', to: 'APPROVED' });
    // The re-judgement at that moment, beside the one it replaced: within the budget now, still without authority.
    const [from, to] = [history[1].changes[1].from, history[1].changes[1].to].map((text: string) => JSON.parse(text));
    expect([from, to]).toMatchObject([
      { outsideBudget: true, exceedsBudgetByHours: 15, madeWithoutAuthority: true },
      { outsideBudget: false, exceedsBudgetByHours: 0, madeWithoutAuthority: true },
    ]);
  });

  it('relinks a promise to a requirement of a newer baseline, so its hours count once, and clears suspect links', async () => {
    const request = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: p.projectId,
            title: 'Bulk upload',
            description: 'Many files',
            kind: 'FEATURE',
            channel: 'WRITTEN',
            requestedById: p.dora,
          },
        },
        p.mia,
      )
    ).raiseRequest.request.id;
    const bulk = await make(p.mia, { summary: 'Bulk upload', requestIds: [request], estimateHours: 20 });
    const r3 = (
      await portal.ok(
        'AddRequirement',
        { input: { projectId: p.projectId, key: 'R3', title: 'Bulk upload', text: '', estimateHours: 20, requestId: request } },
        p.mia,
      )
    ).addRequirement.requirement.id;
    await portal.ok('ApproveBaseline', { input: { projectId: p.projectId, name: 'Contract v2', countersignedById: p.dora } }, p.mia);
    expect(await budgetOf(portal, p)).toMatchObject({ baselineHours: 90, outsideRequirementsHours: 20, exposureHours: 110 });
    const relinked = await portal.ok(
      'RelinkCommitment',
      { input: { commitmentId: bulk, requirementIds: [r3], reason: 'It is R3 now' } },
      p.mia,
    );
    expect(relinked.reviseCommitment.commitment).toMatchObject({
      revision: 2,
      requirements: [{ id: r3, key: 'R3' }],
      requests: [{ id: request }],
      current: { outsideRequirements: false, outsideBudget: false },
      suspectLinks: [],
    });
    expect(await budgetOf(portal, p)).toMatchObject({ outsideRequirementsHours: 0, exposureHours: 90, remainingReserveHours: 10 });
    await portal.ok('ReviseRequirement', { input: { requirementId: r3, estimateHours: 25, reason: 'Bigger files' } }, p.mia);
    await portal.ok('WithdrawRequest', { input: { requestId: request, reason: 'Replaced by R3' } }, p.mia);
    expect((await standing(bulk)).suspectLinks).toEqual([
      { kind: 'REQUIREMENT', id: r3, reason: 'The requirement was revised: Bigger files' },
      { kind: 'REQUEST', id: request, reason: 'The request was withdrawn: Replaced by R3' },
    ]);
    expect((await dashboard()).suspect).toBe(1);
    await portal.ok('RelinkCommitment', { input: { commitmentId: bulk, requestIds: [], reason: 'Reviewed' } }, p.mia);
    expect((await standing(bulk)).suspectLinks).toEqual([]);
    expect((await dashboard()).suspect).toBe(0);
  });

  it('counts a relayed request as asked with authority once its requester confirms it first-hand; what it was made as stays', async () => {
    const relayed = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: p.projectId,
            title: 'Faster export',
            description: 'Pat says Dora wants it',
            kind: 'CHANGE',
            channel: 'PROXY',
            requestedById: p.dora,
            relayedById: p.pat,
          },
        },
        p.dan,
      )
    ).raiseRequest.request.id;
    const promise = await make(p.dan, { summary: 'Faster export', requestIds: [relayed], requirementIds: [p.r1], estimateHours: 10 });
    expect((await standing(promise)).atDecision).toMatchObject({ requestedWithoutAuthority: true });
    // The session Dora attended, on or after the day the request was raised (today).
    const session = (
      await portal.ok(
        'LogContactSession',
        {
          input: {
            projectId: p.projectId,
            date: new Date().toISOString().slice(0, 10),
            days: 1,
            kind: 'ON_SITE',
            developerIds: ['dan'],
            contactIds: [p.dora],
          },
        },
        p.dan,
      )
    ).logContactSession.session.id;
    await portal.ok('ConfirmRequest', { input: { requestId: relayed, sessionId: session, note: 'Dora asked for it herself' } }, p.dan);
    const after = await standing(promise);
    expect(after.atDecision).toMatchObject({ requestedWithoutAuthority: true });
    expect(after.current).toMatchObject({ requestedWithoutAuthority: false, reasons: [] });
  });

  it('shows a customer the promise made to them with status and estimate, and nothing judged', async () => {
    const toPat = await make(p.dan, { summary: 'CSV export', madeToId: p.pat, estimateHours: 50 });
    await changeOrder({ budgetHours: 150, coversCommitmentIds: [toPat], countersignedById: p.dora });
    const seen = await standing(toPat, p.cora);
    expect(seen).toEqual({
      id: toPat,
      summary: 'CSV export',
      status: 'PENDING_APPROVAL',
      estimateHours: 50,
      revision: 1,
      madeBy: { userId: null, name: 'Dan Developer' },
      requirements: null,
      requests: [],
      atDecision: null,
      current: null,
      coveredBy: null,
      suspectLinks: null,
    });
    const listed = await portal.send('Commitments', { projectId: p.projectId, filter: { outsideBudget: true } }, p.cora);
    expect(listed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerView' });
  });
});
