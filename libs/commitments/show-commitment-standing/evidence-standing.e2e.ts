import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProject } from '../../../test/fixtures/worked-project.js';

/**
 * Authority rests on first-hand evidence, and a session voided afterwards "did not happen: it
 * counts nowhere". A request Dora (who can approve scope) asked in a session loses that authority
 * when the session is voided: for commitments made from then on, and for today's standing of
 * those made before; what they were judged as when made stays.
 */
describe('first-hand evidence that falls with its session, over HTTP', () => {
  let portal: Portal;
  let p: WorkedProject;
  beforeEach(async () => {
    portal = await startPortal();
    p = await workedProject(portal);
  });
  afterEach(() => portal.close());

  const promise = async (requestId: string): Promise<string> =>
    (
      await portal.ok(
        'MakeCommitment',
        {
          input: {
            projectId: p.projectId,
            madeToId: p.pat,
            summary: 'Export',
            requirementIds: [p.r1],
            requestIds: [requestId],
            estimateHours: 4,
          },
        },
        p.mia,
      )
    ).makeCommitment.commitment.id;
  const standing = async (id: string) => (await portal.ok('CommitmentStanding', { id }, p.mia)).commitment;

  it('judges commitments on a DIRECT request without that authority once its session is voided', async () => {
    const session = (
      await portal.ok(
        'LogContactSession',
        { input: { projectId: p.projectId, date: '2026-03-02', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds: [p.dora] } },
        p.mia,
      )
    ).logContactSession.session.id;
    const request = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: p.projectId,
            title: 'Export',
            description: '',
            kind: 'FEATURE',
            channel: 'DIRECT',
            requestedById: p.dora,
            sessionId: session,
          },
        },
        p.dan,
      )
    ).raiseRequest.request.id;
    const before = await promise(request);
    expect((await standing(before)).current.requestedWithoutAuthority).toBe(false);

    await portal.ok('CorrectContactSession', { input: { sessionId: session, voided: true, reason: 'Logged twice' } }, p.mia);
    const made = await standing(before);
    expect(made.atDecision.requestedWithoutAuthority).toBe(false);
    expect(made.current.requestedWithoutAuthority).toBe(true);
    const after = await standing(await promise(request));
    expect(after.atDecision).toMatchObject({ requestedWithoutAuthority: true, reasons: expect.arrayContaining([expect.any(String)]) });

    await portal.ok('CorrectContactSession', { input: { sessionId: session, voided: false, reason: 'Not logged twice after all' } }, p.mia);
    expect((await standing(before)).current.requestedWithoutAuthority).toBe(false);
  });
});
