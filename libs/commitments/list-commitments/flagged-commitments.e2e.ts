import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { standingPortal } from '../show-commitment-standing/standing-portal.spec-fixtures.js';

/** `flagged`: the four flags the portal shows as one list, for the team; a customer may not filter by it. */
describe('the flagged commitments of a project, as one list', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeEach(() => ({ portal, p } = world));

  it('lists the commitments with any flag, oldest first, each once, and `false` the others', async () => {
    const { make, listed } = world;
    // Reserve 30 h (budget 100 h, baseline 70 h); promises inside requirements draw on the baseline.
    const fine = await make(p.mia, { summary: 'Inside R2', estimateHours: 5, requirementIds: [p.r2] });
    const linked = await make(p.mia, { summary: 'On R1', estimateHours: 5, requirementIds: [p.r1] });
    const withoutAuthority = await make(p.dan, { summary: 'Outside requirements', estimateHours: 5 });
    const madeOutside = await make(p.mia, { summary: 'Big', estimateHours: 40 });
    await portal.ok('ReviseCommitment', { input: { commitmentId: madeOutside, estimateHours: 5, reason: 'Trimmed' } }, p.mia);
    const outsideToday = await make(p.mia, { summary: 'Last in line', estimateHours: 5 });
    const withdrawn = await make(p.mia, { summary: 'Withdrawn on R1', estimateHours: 1, requirementIds: [p.r1] });
    // R1 changes under both promises on it; the one then withdrawn keeps its suspect link, but stands no more.
    await portal.ok('ReviseRequirement', { input: { requirementId: p.r1, estimateHours: 41, reason: 'Grew' } }, p.mia);
    await portal.ok('WithdrawCommitment', { input: { commitmentId: withdrawn, note: 'Not needed' } }, p.mia);
    // The reserve shrinks to 10 h.
    expect((await world.changeOrder({ budgetHours: 80 })).errors).toBeUndefined();

    // Each flag on its own holds one of them, so the list is their union and not any one of them.
    expect(await listed({ outsideBudget: true })).toEqual([madeOutside]);
    expect(await listed({ currentlyOutsideBudget: true })).toEqual([outsideToday]);
    expect(await listed({ madeWithoutAuthority: true })).toEqual([withoutAuthority]);
    expect(await listed({ suspect: true })).toEqual([linked, withdrawn]);
    expect(await listed({ suspect: true, active: true })).toEqual([linked]);
    expect(await listed({ flagged: true })).toEqual([linked, withoutAuthority, madeOutside, outsideToday]);
    expect(await listed({ flagged: false })).toEqual([fine, withdrawn]);
    const counted = await portal.ok('Commitments', { projectId: p.projectId, filter: { flagged: true }, first: 1 }, p.mia);
    expect(counted.commitments.totalCount).toBe(4);

    const asCustomer = await portal.send('Commitments', { projectId: p.projectId, filter: { flagged: true } }, p.cora);
    expect(asCustomer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerView' });
  });
});
