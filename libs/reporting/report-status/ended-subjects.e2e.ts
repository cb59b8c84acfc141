import { eventElsewhere, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * No status the customer can be told (ON_TRACK, AT_RISK, LATE, DONE) fits what was dropped: told of
 * a removed requirement, a withdrawn request or a withdrawn or rejected commitment, they would read
 * it as still under way. The team may still assess it (the real state is theirs to record).
 */
describe('reporting the status of what ended', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  const report = (subjectId: string) => ({
    input: { projectId: p.projectId, subjectId, toldStatus: 'ON_TRACK', toldPercentComplete: 50, toldToId: p.dora, message: 'Going fine' },
  });
  const refusedWithNothingWritten = async (subjectId: string, ended: RegExp) => {
    const before = await eventCount(portal);
    const answer = await portal.send('ReportStatus', report(subjectId), p.mia);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(ended),
      extensions: { code: 'RULE_VIOLATED', rule: 'subjectNotEnded' },
    });
    expect(await eventCount(portal)).toBe(before);
  };

  it('refuses a report of a removed requirement, yet takes an assessment of it', async () => {
    const input = { projectId: p.projectId, key: 'R8', title: 'Search', text: 'Find invoices', estimateHours: 8 };
    const id: string = (await portal.ok('AddRequirement', { input }, p.mia)).addRequirement.requirement.id;
    await portal.ok('ReportStatus', report(id), p.mia);
    await portal.ok('RemoveRequirement', { input: { requirementId: id, reason: 'Descoped' } }, p.mia);
    await refusedWithNothingWritten(id, /R8: Search" was removed/);
    const assessed = { projectId: p.projectId, subjectId: id, actualStatus: 'NOT_STARTED', note: 'Descoped before work began' };
    expect((await portal.send('AssessStatus', { input: assessed }, p.mia)).errors).toBeUndefined();
  });

  it('refuses a report of a withdrawn request and of a withdrawn commitment', async () => {
    const asked = {
      projectId: p.projectId,
      title: 'Dark mode',
      description: 'Please',
      kind: 'FEATURE',
      channel: 'WRITTEN',
      requestedById: p.dora,
    };
    const requestId: string = (await portal.ok('RaiseRequest', { input: asked }, p.mia)).raiseRequest.request.id;
    await portal.ok('WithdrawRequest', { input: { requestId, reason: 'Not needed' } }, p.mia);
    await refusedWithNothingWritten(requestId, /was withdrawn/);
    const promise = { projectId: p.projectId, madeToId: p.dora, summary: 'Export', estimateHours: 5, requirementIds: [p.r1] };
    const commitmentId: string = (await portal.ok('MakeCommitment', { input: promise }, p.mia)).makeCommitment.commitment.id;
    await portal.ok('WithdrawCommitment', { input: { commitmentId, note: 'Dropped' } }, p.mia);
    await refusedWithNothingWritten(commitmentId, /"Export" was withdrawn/);
  });

  it('refuses a report of a requirement another instance removed a moment ago', async () => {
    const input = { projectId: p.projectId, key: 'R9', title: 'Audit', text: 'Trail', estimateHours: 3 };
    const id: string = (await portal.ok('AddRequirement', { input }, p.mia)).addRequirement.requirement.id;
    const removed = eventElsewhere('RequirementRemoved', {
      requirementId: id,
      projectId: p.projectId,
      revision: 2,
      reason: 'Descoped',
      trigger: { kind: 'INTERNAL' },
      by: { userId: 'mia', name: 'Mia Manager' },
    });
    await whileReadModelsLag(portal, `requirement-${id}`, removed, () => refusedWithNothingWritten(id, /was removed/));
  });
});
