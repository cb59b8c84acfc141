import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A promise made outside requirements and the budget, at the word of someone who could not
 * approve scope, stays so in its history (`atDecision`, the dashboard's "made outside the
 * budget") when its maker relinks it to a baseline requirement and a first-hand request: only
 * today's standing (`current`) follows the new links.
 */
describe('relinking a commitment keeps what it was when made', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  it('changes today’s standing only, never the judgement when made', async () => {
    const input = { projectId: p.projectId, madeToId: p.pat, summary: 'Bulk import', estimateHours: 40 };
    const id: string = (await portal.ok('MakeCommitment', { input }, p.dan)).makeCommitment.commitment.id;
    const made = (await portal.ok('CommitmentStanding', { id }, p.mia)).commitment;
    expect(made.atDecision).toMatchObject({
      outsideRequirements: true,
      outsideBudget: true,
      exceedsBudgetByHours: 10,
      madeWithoutAuthority: true,
      requestedWithoutAuthority: true,
    });
    const asked = { projectId: p.projectId, title: 'Bulk import', description: 'Asked', kind: 'FEATURE', channel: 'WRITTEN' };
    const request = await portal.ok('RaiseRequest', { input: { ...asked, requestedById: p.dora } }, p.dan);
    const relink = { commitmentId: id, reason: 'It is R1', requirementIds: [p.r1], requestIds: [request.raiseRequest.request.id] };
    const relinked = (await portal.ok('RelinkCommitment', { input: relink }, p.dan)).reviseCommitment.commitment;
    expect(relinked.current).toEqual({ outsideRequirements: false, outsideBudget: false });
    const after = (await portal.ok('CommitmentStanding', { id }, p.mia)).commitment;
    expect(after.atDecision).toEqual(made.atDecision);
    expect(after.current).toMatchObject({ requestedWithoutAuthority: false, outsideRequirements: false, outsideBudget: false });
    const outside = await portal.ok('Commitments', { projectId: p.projectId, filter: { outsideBudget: true } }, p.mia);
    expect(outside.commitments.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([id]);
  });

  it('keeps a promise relinked outside requirements awaiting approval when only its due date moves next', async () => {
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Small thing', estimateHours: 10, requirementIds: [p.r1] };
    const id: string = (await portal.ok('MakeCommitment', { input }, p.dan)).makeCommitment.commitment.id;
    const r9 = { projectId: p.projectId, key: 'R9', title: 'R9', text: 'New scope', estimateHours: 5 };
    const r9Id: string = (await portal.ok('AddRequirement', { input: r9 }, p.dan)).addRequirement.requirement.id;
    await portal.ok('RelinkCommitment', { input: { commitmentId: id, reason: 'It is R9', requirementIds: [r9Id] } }, p.dan);
    expect((await portal.ok('CommitmentStanding', { id }, p.mia)).commitment.status).toBe('PENDING_APPROVAL');
    await portal.ok('ReviseCommitment', { input: { commitmentId: id, dueDate: '2031-01-31', reason: 'Later' } }, p.dan);
    expect((await portal.ok('CommitmentStanding', { id }, p.mia)).commitment.status).toBe('PENDING_APPROVAL');
  });
});
