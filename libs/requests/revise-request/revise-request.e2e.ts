import type { Portal } from '../../../test/harness/portal-harness.js';
import { REQUEST_QUERY, type RequestsWorld, startWithOneRequest } from '../../../test/fixtures/requests-world.js';

describe('reviseRequest', () => {
  let portal: Portal;
  let world: RequestsWorld;
  let requestId: string;
  beforeAll(async () => ({ portal, world, requestId } = await startWithOneRequest()));
  afterAll(() => portal.close());

  it('rewords a request at the revision the caller saw, in a session', async () => {
    const input = {
      requestId,
      title: 'Export invoices as XLSX',
      reason: 'Carla clarified',
      sessionId: world.sessionId,
      expectedRevision: 1,
    };
    const { reviseRequest } = await portal.ok('ReviseRequest', { input }, world.dan);
    expect(reviseRequest.request).toEqual({
      id: requestId,
      title: 'Export invoices as XLSX',
      description: 'Finance wants a CSV export.',
      revision: 2,
    });
  });

  it('answers CONFLICT with the current revision for a stale expectedRevision, and writes nothing', async () => {
    const input = { requestId, description: 'Stale', reason: 'Late edit', expectedRevision: 1 };
    const answer = await portal.send('ReviseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 2 });
    const { request } = (await portal.graphql(REQUEST_QUERY, { id: requestId }, world.ada)).data!;
    expect(request).toMatchObject({ description: 'Finance wants a CSV export.', revision: 2 });
  });

  it('refuses a customer, even on their own request', async () => {
    const answer = await portal.send('ReviseRequest', { input: { requestId, title: 'Mine', reason: 'Because' } }, world.carla);
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
