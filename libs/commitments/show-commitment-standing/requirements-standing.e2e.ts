import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { standingPortal } from './standing-portal.spec-fixtures.js';

/** Outside requirements as made and as the latest baseline leaves a promise today, over HTTP. */
describe('a commitment outside requirements today', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeEach(() => ({ portal, p } = world));

  const figures = async (): Promise<Record<string, number>> => {
    const answer = await portal.graphql(
      `query ($projectId: ID!) { dashboard(projectId: $projectId) { commitments { outsideRequirements currentlyOutsideRequirements } } }`,
      { projectId: p.projectId },
      p.mia,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.dashboard.commitments;
  };

  it('counts a promise whose requirement a new baseline dropped, and lists it by that filter, for the team only', async () => {
    const onR2 = await world.make(p.dan, { summary: 'Export on R2', estimateHours: 10, requirementIds: [p.r2] });
    expect(await figures()).toEqual({ outsideRequirements: 0, currentlyOutsideRequirements: 0 });
    await portal.ok('RemoveRequirement', { input: { requirementId: p.r2, reason: 'Dropped from the contract' } }, p.mia);
    await portal.ok('ApproveBaseline', { input: { projectId: p.projectId, name: 'Contract v2', countersignedById: p.dora } }, p.mia);
    // Made within requirements, it stays so in history; today it links no requirement of the latest baseline.
    expect(await world.standing(onR2)).toMatchObject({
      atDecision: { outsideRequirements: false },
      current: { outsideRequirements: true },
    });
    expect(await figures()).toEqual({ outsideRequirements: 0, currentlyOutsideRequirements: 1 });
    expect(await world.listed({ currentlyOutsideRequirements: true })).toEqual([onR2]);
    expect(await world.listed({ currentlyOutsideRequirements: false })).toEqual([]);
    // Withdrawn, it counts no more, as every figure counts active commitments only.
    await portal.ok('WithdrawCommitment', { input: { commitmentId: onR2, note: 'Not needed' } }, p.mia);
    expect(await figures()).toEqual({ outsideRequirements: 0, currentlyOutsideRequirements: 0 });
    // A judgement is internal: a customer may not filter by it.
    const asCustomer = await portal.send('Commitments', { projectId: p.projectId, filter: { currentlyOutsideRequirements: true } }, p.cora);
    expect(asCustomer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerView' });
  });
});
