import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { standingPortal } from './standing-portal.spec-fixtures.js';

/** Commitments you can trust, over HTTP: judged when made (history) and standing today (derived), as the budget changes, and what a customer sees of it. */
describe('a commitment as made and as it stands today', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  const { make, standing, dashboard, changeOrder } = world;
  beforeEach(() => ({ portal, p } = world));

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

  it('ends the cover when the covered promise grows: the change order paid for it as signed, the rest waits its turn', async () => {
    const c2 = await make(p.dan, { summary: 'C2', estimateHours: 40 });
    const ocr = await make(p.dan, { summary: 'OCR', estimateHours: 16 });
    const signed = await changeOrder({ budgetHours: 116, coversCommitmentIds: [ocr], countersignedById: p.dora });
    const input = { commitmentId: ocr, estimateHours: 30, reason: 'Handwriting too' };
    const raised = await portal.ok('ReviseCommitment', { input }, p.dan);
    const grown = await standing(ocr);
    expect(grown).toMatchObject({ status: 'PENDING_APPROVAL', coveredBy: [] });
    // History stays: the countersigned change order that paid for it, and the revision that ended that.
    const covers = await portal.graphql(
      'query ($id: ID!) { commitment(id: $id) { endedCovers { position budgetHours endedAt endedInRevision countersignedBy { name } } } }',
      { id: ocr },
      p.mia,
    );
    expect(covers.data?.commitment.endedCovers).toEqual([
      {
        position: signed.data?.changeBudget.position,
        budgetHours: 116,
        endedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        endedInRevision: raised.reviseCommitment.commitment.revision,
        countersignedBy: { name: 'Dora Decider' },
      },
    ]);
    // A reserve of 46 h: C2, made first, draws 40 h of it again; of OCR's 30 h, 24 h do not fit, at the raise and today.
    expect(grown.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 24 });
    expect(grown.current).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 24 });
    expect((await standing(c2)).current).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0 });
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
      revision: null,
      madeBy: { userId: null, name: 'Dan Developer' },
      requirements: null,
      requests: [],
      atDecision: null,
      current: null,
      coveredBy: null,
      suspectLinks: null,
    });
    for (const filter of [{ outsideBudget: true }, { suspect: false }]) {
      const listed = await portal.send('Commitments', { projectId: p.projectId, filter }, p.cora);
      expect(listed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerView' });
    }
  });
});
