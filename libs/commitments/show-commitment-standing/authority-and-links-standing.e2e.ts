import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, budgetOf } from '../../../test/fixtures/worked-project.js';
import { sessionToday } from '../../../test/fixtures/worked-project-elsewhere.js';
import { standingPortal } from './standing-portal.spec-fixtures.js';

/** Commitments you can trust, over HTTP: the maker's authority, relinked promises, and first-hand confirmation. */
describe('authority, links and the customer view of a commitment', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  const { make, standing, dashboard, listed } = world;
  /** What the dashboard's `suspect` counts, drilled into. */
  const activeSuspects = { suspect: true, active: true };
  beforeEach(() => ({ portal, p } = world));

  it("keeps the maker's missing authority and the judgement as made when a manager trims the promise; approval is how a manager gives it", async () => {
    const big = await make(p.dan, { summary: 'Big', estimateHours: 45 });
    const trimmed = await portal.ok(
      'ReviseCommitment',
      { input: { commitmentId: big, estimateHours: 20, reason: 'Trimmed', expectedRevision: 1 } },
      p.mia,
    );
    // Made 15 h over the budget, it stays so in history; today, trimmed, it fits.
    expect(trimmed.reviseCommitment.commitment).toMatchObject({ outsideBudget: true, revision: 2 });
    const after = await standing(big);
    expect(after.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 15, madeWithoutAuthority: true });
    expect(after.current).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0 });
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
    // A trim takes back hours, never the judgement as made: the revision records only how the promise stood after it.
    // As the log keeps data: keys in order.
    const judgedAtRevision = {
      exceedsBudgetByHours: 0,
      madeWithoutAuthority: true,
      outsideBudget: false,
      outsideRequirements: true,
      requestedWithoutAuthority: false,
    };
    expect(history[1].changes).toEqual([
      { field: 'estimateHours', from: '45', to: '20' },
      { field: 'judgedAtRevision', from: null, to: JSON.stringify(judgedAtRevision) },
      { field: 'reason', from: null, to: 'Trimmed' },
    ]);
    // An approval moves the status by its type: the history says so, and holds a later revision's status against it.
    expect(history[2].changes).toContainEqual({ field: 'status', from: 'PENDING_APPROVAL', to: 'APPROVED' });
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
        {
          input: {
            projectId: p.projectId,
            key: 'R3',
            title: 'Bulk upload',
            text: 'Upload many files at once',
            estimateHours: 20,
            requestId: request,
          },
        },
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
    const revisedR3 = { kind: 'REQUIREMENT', id: r3, reason: 'The requirement was revised: Bigger files' };
    expect((await standing(bulk)).suspectLinks).toEqual([revisedR3]);
    expect((await dashboard()).suspect).toBe(1);
    expect(await listed(activeSuspects)).toEqual([bulk]);
    // Reviewed and still valid: named again unchanged, the link is no longer suspect; nothing else moves.
    await portal.ok('RelinkCommitment', { input: { commitmentId: bulk, requirementIds: [r3], reason: 'R3 still holds' } }, p.mia);
    expect(await standing(bulk)).toMatchObject({ suspectLinks: [], current: { outsideRequirements: false, outsideBudget: false } });
    expect((await dashboard()).suspect).toBe(0);
    expect(await listed(activeSuspects)).toEqual([]);
    await portal.ok('ReviseRequirement', { input: { requirementId: r3, estimateHours: 30, reason: 'Bigger files' } }, p.mia);
    await portal.ok('WithdrawRequest', { input: { requestId: request, reason: 'Replaced by R3' } }, p.mia);
    expect((await standing(bulk)).suspectLinks).toEqual([
      revisedR3,
      { kind: 'REQUEST', id: request, reason: 'The request was withdrawn: Replaced by R3' },
    ]);
    expect((await dashboard()).suspect).toBe(1);
    expect(await listed(activeSuspects)).toEqual([bulk]);
    await portal.ok('RelinkCommitment', { input: { commitmentId: bulk, requestIds: [], reason: 'Reviewed' } }, p.mia);
    expect((await standing(bulk)).suspectLinks).toEqual([]);
    expect((await dashboard()).suspect).toBe(0);
    expect(await listed(activeSuspects)).toEqual([]);
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
    // Dora could approve scope, but the word came through Pat: the reason says so, in history and today.
    const viaPat = 'Not asked first-hand by anyone who could approve scope (asked by Dora Decider via Pat Proxy).';
    const before = await standing(promise);
    expect(before.atDecision).toMatchObject({ requestedWithoutAuthority: true, reasons: [viaPat] });
    expect(before.current).toMatchObject({ requestedWithoutAuthority: true, reasons: [viaPat] });
    // The session Dora attended, on or after the day the request was raised (today).
    const session = await sessionToday(portal, p, [p.dora]);
    await portal.ok('ConfirmRequest', { input: { requestId: relayed, sessionId: session, note: 'Dora asked for it herself' } }, p.dan);
    const after = await standing(promise);
    expect(after.atDecision).toMatchObject({ requestedWithoutAuthority: true });
    expect(after.current).toMatchObject({ requestedWithoutAuthority: false, reasons: [] });
  });
});
