import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { standingPortal } from '../show-commitment-standing/standing-portal.spec-fixtures.js';

/**
 * A relink that moves a promise's hours onto reserve a later, approved promise drew is a step
 * outside the budget, recorded as a raise's added hours are: it never pushes the later promise out
 * unseen while the relinked one reads as it was.
 */
describe('a relink onto reserve another promise drew', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  const { make, standing, dashboard, listed } = world;
  beforeEach(() => ({ portal, p } = world));

  it('is outside the budget as the developer relinked it, awaits a manager, and shows on the dashboard', async () => {
    await make(p.mia, { summary: 'Fills R2', estimateHours: 30, requirementIds: [p.r2] });
    const x = await make(p.dan, { summary: 'Small export', estimateHours: 10, requirementIds: [p.r1] });
    const m = await make(p.mia, { summary: 'New scope', estimateHours: 30 }); // the whole reserve of 30 h
    await portal.ok('ApproveCommitment', { input: { commitmentId: m, note: 'Paid from the reserve' } }, p.mia);
    expect((await dashboard()).outsideBudget).toBe(0);

    const relink = { commitmentId: x, reason: 'It is R2 work', requirementIds: [p.r2] };
    await portal.ok('RelinkCommitment', { input: relink }, p.dan);
    const relinked = await standing(x);
    expect(relinked.status).toBe('PENDING_APPROVAL');
    expect(relinked.atDecision).toMatchObject({
      outsideRequirements: false,
      outsideBudget: true,
      exceedsBudgetByHours: 10,
      madeWithoutAuthority: true,
      reasons: [
        'A relink draws 10 h more on a reserve of 0 h — exceeds the budget by 10 h.',
        'Made by a developer, not a manager, although it is outside the budget.',
      ],
    });
    // Today, in the order commitments were made, the relinked promise fits and the approved one is pushed out.
    expect(relinked.current).toMatchObject({ outsideBudget: false });
    expect((await standing(m)).current).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 10 });
    expect(await dashboard()).toMatchObject({ outsideBudget: 1, hoursOutsideBudget: 10, currentlyOutsideBudget: 1 });
    expect(await listed({ outsideBudget: true })).toEqual([x]);
  });
});
