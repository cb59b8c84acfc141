import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { standingPortal } from './standing-portal.spec-fixtures.js';

/**
 * Authority rests on first-hand evidence, and a session voided afterwards "did not happen: it
 * counts nowhere". A request Dora (who can approve scope) asked in a session loses that authority
 * when the session is voided: for commitments made from then on, and for today's standing of
 * those made before; what they were judged as when made stays.
 */
describe('first-hand evidence that falls with its session, over HTTP', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  const { make, standing } = world;
  beforeEach(() => ({ portal, p } = world));

  const promise = (requestId: string): Promise<string> =>
    make(p.mia, { madeToId: p.pat, summary: 'Export', requirementIds: [p.r1], requestIds: [requestId], estimateHours: 4 });

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

  it("takes another session's confirmation of a relayed request once the first one's session is voided", async () => {
    const sessionOn = async (date: string): Promise<string> =>
      (
        await portal.ok(
          'LogContactSession',
          { input: { projectId: p.projectId, date, days: 1, kind: 'REMOTE', developerIds: ['dan'], contactIds: [p.dora] } },
          p.mia,
        )
      ).logContactSession.session.id;
    const raised = await portal.ok(
      'RaiseRequest',
      {
        input: {
          projectId: p.projectId,
          title: 'Audit',
          description: '',
          kind: 'FEATURE',
          channel: 'PROXY',
          requestedById: p.dora,
          relayedById: p.pat,
        },
      },
      p.dan,
    );
    const request: string = raised.raiseRequest.request.id;
    const today = new Date().toISOString().slice(0, 10); // a confirmation's session is on or after the day of the request
    const [first, second] = [await sessionOn(today), await sessionOn(today)];
    const confirm = (sessionId: string) => portal.send('ConfirmRequest', { input: { requestId: request, sessionId } }, p.dan);
    expect((await confirm(first)).errors).toBeUndefined();
    const made = await promise(request);
    await portal.ok('CorrectContactSession', { input: { sessionId: first, voided: true, reason: 'Never took place' } }, p.mia);
    expect((await standing(made)).current.requestedWithoutAuthority).toBe(true);

    expect((await confirm(second)).errors).toBeUndefined();
    expect((await standing(made)).current.requestedWithoutAuthority).toBe(false);
    expect((await confirm(second)).errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'alreadyConfirmed' });
  });
});
