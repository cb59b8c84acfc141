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

  it('shows each response as given, never a later one as an edit of the one before', async () => {
    const input = {
      projectId: w.projectId,
      title: 'Import',
      description: '',
      kind: 'FEATURE',
      channel: 'WRITTEN',
      requestedById: w.contactId,
    };
    const requestId: string = (await w.portal.ok('RaiseRequest', { input }, w.developer)).raiseRequest.request.id;
    const respond = (stance: string, message: string, estimateHours?: number) =>
      w.portal.ok('RespondToRequest', { input: { requestId, stance, message, estimateHours } }, w.developer);
    await respond('ESTIMATE', 'About 20 h', 20);
    await respond('CLARIFY', 'Which file format?');
    const { history } = await w.portal.ok('History', { id: requestId }, w.auditor);
    const responses = history.filter((entry: { type: string }) => entry.type === 'RequestResponded');
    const given = (entry: { changes: { field: string; from: string | null; to: string | null }[] }) =>
      entry.changes.filter((change) => change.field !== 'response.respondedBy').sort((a, b) => a.field.localeCompare(b.field));
    expect(responses.map(given)).toEqual([
      [
        { field: 'response.estimateHours', from: null, to: '20' },
        { field: 'response.message', from: null, to: 'About 20 h' },
        { field: 'response.stance', from: null, to: 'ESTIMATE' },
        { field: 'status', from: 'OPEN', to: 'ANSWERED' }, // the first response answers it; the next leaves it so
      ],
      [
        { field: 'response.message', from: null, to: 'Which file format?' },
        { field: 'response.stance', from: null, to: 'CLARIFY' },
      ],
    ]);
    await w.portal.ok('WithdrawRequest', { input: { requestId, reason: 'Not needed' } }, w.developer);
    const withdrawn = (await w.portal.ok('History', { id: requestId }, w.auditor)).history.at(-1);
    expect(withdrawn).toMatchObject({ type: 'RequestWithdrawn' });
    expect(withdrawn.changes).toContainEqual({ field: 'status', from: 'ANSWERED', to: 'WITHDRAWN' });
  });
});
