import { eventElsewhere, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * Of a removed requirement, a withdrawn request or a withdrawn or rejected commitment the customer
 * can be told only that it was DROPPED: any other status reads as still under way. Its end is its
 * real state, so nobody assesses it, and a customer told earlier that it goes on is a perception
 * gap until they are told it was dropped.
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

  const gapsOn = async (subjectId: string) =>
    ((await portal.ok('PerceptionGaps', { projectId: p.projectId }, p.mia)).perceptionGaps as { subjectId: string }[]).filter(
      (gap) => gap.subjectId === subjectId,
    );
  const dropped = (subjectId: string) => ({ input: { ...report(subjectId).input, toldStatus: 'DROPPED', toldPercentComplete: null } });

  it('refuses a report of a removed requirement but DROPPED, and any assessment of it', async () => {
    const input = { projectId: p.projectId, key: 'R8', title: 'Search', text: 'Find invoices', estimateHours: 8 };
    const id: string = (await portal.ok('AddRequirement', { input }, p.mia)).addRequirement.requirement.id;
    await portal.ok('ReportStatus', report(id), p.mia);
    await portal.ok('RemoveRequirement', { input: { requirementId: id, reason: 'Descoped' } }, p.mia);
    await refusedWithNothingWritten(id, /R8: Search" was removed/);
    const before = await eventCount(portal);
    const assessed = { projectId: p.projectId, subjectId: id, actualStatus: 'DONE', note: 'Closing it' };
    expect((await portal.send('AssessStatus', { input: assessed }, p.mia)).errors?.[0]).toMatchObject({
      extensions: { code: 'RULE_VIOLATED', rule: 'subjectNotEnded' },
    });
    expect(await eventCount(portal)).toBe(before);
    expect(await gapsOn(id)).toMatchObject([{ toldStatus: 'ON_TRACK', actualStatus: 'DROPPED' }]);
  });

  it('shows a promise withdrawn after the customer heard it is on track as a gap, until they are told it was dropped', async () => {
    const promise = { projectId: p.projectId, madeToId: p.dora, summary: 'PDF export', estimateHours: 4, requirementIds: [p.r1] };
    const commitmentId: string = (await portal.ok('MakeCommitment', { input: promise }, p.mia)).makeCommitment.commitment.id;
    await portal.ok('ReportStatus', report(commitmentId), p.mia);
    const assessed = { projectId: p.projectId, subjectId: commitmentId, actualStatus: 'ON_TRACK', actualPercentComplete: 50, note: 'Half' };
    await portal.ok('AssessStatus', { input: assessed }, p.mia);
    expect(await gapsOn(commitmentId)).toEqual([]);
    await portal.ok('WithdrawCommitment', { input: { commitmentId, note: 'Dropped' } }, p.mia);
    expect(await gapsOn(commitmentId)).toMatchObject([{ toldStatus: 'ON_TRACK', toldPercentComplete: 50, actualStatus: 'DROPPED' }]);
    await portal.ok('ReportStatus', dropped(commitmentId), p.mia);
    expect(await gapsOn(commitmentId)).toEqual([]);
  });

  it('refuses DROPPED of what goes on, naming the told status', async () => {
    const input = { projectId: p.projectId, key: 'R7', title: 'Import', text: 'From CSV', estimateHours: 2 };
    const id: string = (await portal.ok('AddRequirement', { input }, p.mia)).addRequirement.requirement.id;
    const before = await eventCount(portal);
    expect((await portal.send('ReportStatus', dropped(id), p.mia)).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/R7: Import" has not ended/),
      extensions: { code: 'RULE_VIOLATED', rule: 'onlyEndedIsDropped', field: 'toldStatus' },
    });
    expect(await eventCount(portal)).toBe(before);
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
    expect((await portal.send('ReportStatus', dropped(commitmentId), p.mia)).errors).toBeUndefined();
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
