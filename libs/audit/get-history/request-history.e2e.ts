import { type AuditWorld, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

/** A request raised in one session and confirmed in another: its history keeps the session it was raised in. */
describe("a request's history over HTTP", () => {
  let w: AuditWorld;
  beforeAll(async () => (w = await setUpAuditWorld()));
  afterAll(() => w?.portal.close());

  it('shows the session of a confirmation with it, not as a move of the session the request was raised in', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const session = async (): Promise<string> =>
      (
        await w.portal.ok(
          'LogContactSession',
          { input: { projectId: w.projectId, date: today, days: 1, kind: 'ON_SITE', developerIds: ['dev'], contactIds: [w.contactId] } },
          w.manager,
        )
      ).logContactSession.session.id;
    const [raisedIn, confirmedIn] = [await session(), await session()];
    const input = { projectId: w.projectId, title: 'Export', description: '', kind: 'FEATURE', channel: 'DIRECT' };
    const { raiseRequest } = await w.portal.ok(
      'RaiseRequest',
      { input: { ...input, requestedById: w.contactId, sessionId: raisedIn } },
      w.developer,
    );
    const requestId: string = raiseRequest.request.id;
    await w.portal.ok('ConfirmRequest', { input: { requestId, sessionId: confirmedIn } }, w.developer);
    const { history } = await w.portal.ok('History', { id: requestId }, w.auditor);
    const sessionChanges = history.map((entry: { type: string; changes: { field: string }[] }) => [
      entry.type,
      entry.changes.filter((change) => change.field === 'sessionId'),
    ]);
    expect(sessionChanges).toEqual([
      ['RequestRaised', [{ field: 'sessionId', from: null, to: raisedIn }]],
      ['RequestConfirmed', [{ field: 'sessionId', from: null, to: confirmedIn }]],
    ]);
  });
});
