import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A commitment rests on what is live: a removed requirement would make a promise on descoped work
 * read as within requirements, a withdrawn request would make it read as asked for, and a session
 * that did not happen, or one its contact was not at, is no place it was made.
 */
describe('what a commitment may name', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  const make = (extra: Record<string, unknown>) =>
    portal.send(
      'MakeCommitment',
      { input: { projectId: p.projectId, summary: 'Promise', madeToId: p.dora, estimateHours: 5, ...extra } },
      p.dan,
    );
  const refusedWith = async (extra: Record<string, unknown>, rule: string): Promise<void> => {
    const before = await eventCount(portal);
    expect((await make(extra)).errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule });
    expect(await eventCount(portal)).toBe(before);
  };
  const logSession = async (contactIds: string[]): Promise<string> =>
    (
      await portal.ok(
        'LogContactSession',
        { input: { projectId: p.projectId, date: '2026-01-05', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds } },
        p.mia,
      )
    ).logContactSession.session.id;

  beforeAll(() => ({ portal, p } = world));

  it('refuses a removed requirement, and a withdrawn request', async () => {
    await portal.ok('RemoveRequirement', { input: { requirementId: p.r2, reason: 'Descoped' } }, p.mia);
    await refusedWith({ requirementIds: [p.r2] }, 'requirementNotRemoved');
    const raised = await portal.ok(
      'RaiseRequest',
      {
        input: { projectId: p.projectId, title: 'Export', description: 'CSV', kind: 'FEATURE', channel: 'WRITTEN', requestedById: p.dora },
      },
      p.mia,
    );
    const requestId = raised.raiseRequest.request.id;
    await portal.ok('WithdrawRequest', { input: { requestId, reason: 'No longer needed' } }, p.mia);
    await refusedWith({ requestIds: [requestId] }, 'requestNotWithdrawn');
  });

  it('refuses a revision that keeps a link to a requirement removed since, until it drops it', async () => {
    const added = await portal.ok(
      'AddRequirement',
      { input: { projectId: p.projectId, key: 'R3', title: 'Exports', text: 'Export as CSV', estimateHours: 8 } },
      p.mia,
    );
    const r3 = added.addRequirement.requirement.id;
    const made = await make({ requirementIds: [r3] });
    const commitmentId = made.data!.makeCommitment.commitment.id;
    await portal.ok('RemoveRequirement', { input: { requirementId: r3, reason: 'Descoped' } }, p.mia);
    const revise = (extra: Record<string, unknown>) =>
      portal.send('ReviseCommitment', { input: { commitmentId, reason: 'Trimmed', estimateHours: 3, ...extra } }, p.mia);
    const before = await eventCount(portal);
    expect((await revise({})).errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requirementNotRemoved' });
    expect(await eventCount(portal)).toBe(before);
    expect((await revise({ requirementIds: [] })).errors).toBeUndefined();
  });

  it('refuses a session the contact was not at, and a voided one; takes one they attended', async () => {
    const withoutDora = await logSession([p.pat]);
    await refusedWith({ sessionId: withoutDora }, 'madeToAttendedSession');
    const withDora = await logSession([p.dora]);
    expect((await make({ sessionId: withDora })).errors).toBeUndefined();
    await portal.ok('CorrectContactSession', { input: { sessionId: withDora, reason: 'Did not take place', voided: true } }, p.mia);
    await refusedWith({ sessionId: withDora }, 'sessionNotVoided');
  });
});
