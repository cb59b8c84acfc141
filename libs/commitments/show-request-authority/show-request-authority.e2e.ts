import type { Portal } from '../../../test/harness/portal-harness.js';
import type { WorkedProject } from '../../../test/fixtures/worked-project.js';
import { sessionToday } from '../../../test/fixtures/worked-project-elsewhere.js';
import { standingPortal } from '../show-commitment-standing/standing-portal.spec-fixtures.js';

const AUTHORITY = 'query RequestAuthority($id: ID!) { request(id: $id) { confirmed askedWithAuthority } }';

/**
 * A request shows both: `confirmed` is history (a confirmation was recorded), `askedWithAuthority`
 * the standing its commitments are judged on today, which falls with the session it rests on.
 */
describe('Request.askedWithAuthority, over HTTP', () => {
  const world = standingPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeEach(() => ({ portal, p } = world));

  const raise = async (input: Record<string, unknown>, token = p.dan): Promise<string> =>
    (
      await portal.ok(
        'RaiseRequest',
        { input: { projectId: p.projectId, title: 'Export', description: '', kind: 'FEATURE', ...input } },
        token,
      )
    ).raiseRequest.request.id;
  const authority = async (id: string, token = p.mia) =>
    (await portal.graphql<{ request: unknown }>(AUTHORITY, { id }, token)).data?.request;

  it('falls with the voided session of a confirmation while the request stays confirmed, and comes back with it', async () => {
    const session = await sessionToday(portal, p, [p.dora]);
    const request = await raise({ channel: 'PROXY', requestedById: p.dora, relayedById: p.pat });
    expect(await authority(request)).toEqual({ confirmed: false, askedWithAuthority: false });

    await portal.ok('ConfirmRequest', { input: { requestId: request, sessionId: session } }, p.dan);
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: true });

    await portal.ok('CorrectContactSession', { input: { sessionId: session, voided: true, reason: 'Never took place' } }, p.mia);
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: false });

    await portal.ok('CorrectContactSession', { input: { sessionId: session, voided: false, reason: 'It did take place' } }, p.mia);
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: true });
  });

  it("falls when the confirmation's session is corrected to before the request was raised, for commitments made then too", async () => {
    const session = await sessionToday(portal, p, [p.dora]);
    const request = await raise({ channel: 'PROXY', requestedById: p.dora, relayedById: p.pat });
    await portal.ok('ConfirmRequest', { input: { requestId: request, sessionId: session } }, p.dan);
    const onRequest = { madeToId: p.pat, summary: 'Export', requirementIds: [p.r1], requestIds: [request], estimateHours: 4 };
    const before = await world.make(p.mia, onRequest);
    const correct = (date: string) =>
      portal.ok('CorrectContactSession', { input: { sessionId: session, date, reason: 'Wrong day' } }, p.mia);

    await correct('2020-01-06');
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: false });
    expect((await world.standing(before)).current.requestedWithoutAuthority).toBe(true);
    // Decided from the log: a promise made now on the request is judged without that confirmation.
    expect((await world.standing(await world.make(p.mia, onRequest))).atDecision.requestedWithoutAuthority).toBe(true);

    await correct(new Date().toISOString().slice(0, 10));
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: true });
    expect((await world.standing(before)).current.requestedWithoutAuthority).toBe(false);
  });

  it('is false for a first-hand request by a contact who cannot approve scope', async () => {
    const request = await raise({ channel: 'WRITTEN', requestedById: p.pat });
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: false });
  });

  it('is null for a CUSTOMER member, on their own request too', async () => {
    const request = await raise({ channel: 'WRITTEN', requestedById: p.dora }, p.mia);
    expect(await authority(request)).toEqual({ confirmed: true, askedWithAuthority: true });
    const own = await raise({ channel: 'WRITTEN', requestedById: p.pat }, p.cora);
    expect(await authority(own, p.cora)).toEqual({ confirmed: true, askedWithAuthority: null });
  });
});
