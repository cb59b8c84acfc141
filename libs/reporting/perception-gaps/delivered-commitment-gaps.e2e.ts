import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * Telling the customer DONE of a delivered commitment is the truth by the ledger's own record:
 * over HTTP it opens no gap, though the team had found it at risk while the work went on.
 */
describe('perception gaps of a delivered commitment', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  const gaps = async () =>
    (await portal.ok('PerceptionGaps', { projectId: p.projectId }, p.mia)).perceptionGaps as { subjectId: string; actualStatus: string }[];
  const gapCount = async () =>
    (await portal.graphql('query($p: ID!) { dashboard(projectId: $p) { perceptionGapCount } }', { p: p.projectId }, p.mia)).data!.dashboard
      .perceptionGapCount as number;
  const assess = (subjectId: string, actualStatus: string, actualPercentComplete: number) =>
    portal.ok(
      'AssessStatus',
      { input: { projectId: p.projectId, subjectId, actualStatus, actualPercentComplete, note: 'Checked' } },
      p.mia,
    );

  it('holds a report of DONE after delivery against the delivery, and an assessment after it as the newer word', async () => {
    const promise = { projectId: p.projectId, madeToId: p.dora, summary: 'Gap demo', estimateHours: 0.5, requirementIds: [p.r1] };
    const commitmentId: string = (await portal.ok('MakeCommitment', { input: promise }, p.mia)).makeCommitment.commitment.id;
    await assess(commitmentId, 'AT_RISK', 40);
    const before = await gapCount();
    await portal.ok('DeliverCommitment', { input: { commitmentId, note: 'Shipped' } }, p.mia);
    const told = {
      projectId: p.projectId,
      subjectId: commitmentId,
      toldToId: p.dora,
      toldStatus: 'DONE',
      toldPercentComplete: 100,
      message: 'Delivered',
    };
    await portal.ok('ReportStatus', { input: told }, p.mia);
    expect((await gaps()).filter((gap) => gap.subjectId === commitmentId)).toEqual([]);
    expect(await gapCount()).toBe(before);

    await assess(commitmentId, 'BLOCKED', 10); // found broken after the delivery
    expect((await gaps()).filter((gap) => gap.subjectId === commitmentId)).toEqual([
      expect.objectContaining({ subjectId: commitmentId, actualStatus: 'BLOCKED' }),
    ]);
    expect(await gapCount()).toBe(before + 1);
  });
});
