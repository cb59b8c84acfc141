import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProject } from '../../../test/fixtures/worked-project.js';

/** A developer who grows a manager's promise beyond the budget promises on their own authority, over HTTP. */
describe("a developer's revision of a manager's promise", () => {
  let portal: Portal;
  let p: WorkedProject;
  beforeEach(async () => {
    portal = await startPortal();
    p = await workedProject(portal);
  });
  afterEach(() => portal.close());

  it('is made without authority when it goes beyond the budget, as made and today, and awaits authority', async () => {
    const made = await portal.ok(
      'MakeCommitment',
      { input: { projectId: p.projectId, madeToId: p.dora, summary: 'Export', requirementIds: [p.r1], estimateHours: 1 } },
      p.mia,
    );
    const id = made.makeCommitment.commitment.id;
    await portal.ok('RelinkCommitment', { input: { commitmentId: id, estimateHours: 100, reason: 'Saw the real data' } }, p.dan);
    const { commitment } = await portal.ok('CommitmentStanding', { id }, p.mia);
    for (const judgement of [commitment.atDecision, commitment.current]) {
      expect(judgement).toMatchObject({ outsideBudget: true, madeWithoutAuthority: true });
      expect(judgement.reasons).toContain('Revised by a developer, not a manager, although it is outside the budget.');
    }
    expect((await portal.ok('DashboardStanding', { projectId: p.projectId }, p.mia)).dashboard.commitments).toMatchObject({
      madeWithoutAuthority: 1,
      awaitingAuthority: 1,
    });
  });
});
