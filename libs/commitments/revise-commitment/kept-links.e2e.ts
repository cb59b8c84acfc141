import { whileReadModelsStayBehind } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A revision that keeps a commitment's links keeps the ones its budget stream holds, not the ones
 * a read model lagging behind a relink still lists: it is decided, never sent back as a conflict.
 */
describe('the links a revision keeps, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  it('keeps the links of a relink the read models have not applied yet, and judges the revision on them', async () => {
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Reports', estimateHours: 5, requirementIds: [p.r1] };
    const commitmentId: string = (await portal.ok('MakeCommitment', { input }, p.mia)).makeCommitment.commitment.id;
    const revise = (change: Record<string, unknown>) =>
      portal.send('ReviseCommitment', { input: { commitmentId, reason: 'Agreed with Dora', ...change } }, p.mia);
    const [relinked, trimmed] = await whileReadModelsStayBehind(portal, async () => [
      await revise({ requirementIds: [p.r2] }),
      // The read models still link R1: the revision keeps R2, the link the log holds.
      await revise({ estimateHours: 4 }),
    ]);
    // Both appended; neither readable yet where the read models stayed behind.
    expect([relinked, trimmed].map((answer) => answer.errors?.[0].extensions.code)).toEqual(['NOT_YET_READABLE', 'NOT_YET_READABLE']);
    const { commitment } = await portal.ok('CommitmentStanding', { id: commitmentId }, p.mia);
    expect(commitment).toMatchObject({ estimateHours: 4, revision: 3, requirements: [{ id: p.r2 }] });
  });
});
