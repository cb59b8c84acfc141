import type { Portal } from '../../../test/harness/portal-harness.js';
import { REQUEST_QUERY, type RequestsWorld, startWithOneRequest } from '../../../test/fixtures/requests-world.js';

describe('respondToRequest', () => {
  let portal: Portal;
  let world: RequestsWorld;
  let requestId: string;
  beforeAll(async () => ({ portal, world, requestId } = await startWithOneRequest()));
  afterAll(() => portal.close());

  const responses = async (): Promise<unknown[]> =>
    (await portal.graphql(REQUEST_QUERY, { id: requestId }, world.ada)).data!.request.responses;

  it('moves an OPEN request to ANSWERED with its first response, and keeps every response', async () => {
    const { respondToRequest } = await portal.ok(
      'RespondToRequest',
      { input: { requestId, stance: 'CLARIFY', message: 'Which columns?' } },
      world.dan,
    );
    expect(respondToRequest.request).toEqual({ id: requestId, status: 'ANSWERED' });
    await portal.ok('RespondToRequest', { input: { requestId, stance: 'ESTIMATE', message: 'About a day', estimateHours: 8 } }, world.ada);
    expect(await responses()).toEqual([
      expect.objectContaining({
        stance: 'CLARIFY',
        message: 'Which columns?',
        estimateHours: null,
        respondedBy: { userId: 'dan', name: 'Dan Developer' },
      }),
      expect.objectContaining({ stance: 'ESTIMATE', estimateHours: 8, respondedBy: { userId: 'ada', name: 'Ada Manager' } }),
    ]);
  });

  it('refuses an ESTIMATE without hours, and writes nothing', async () => {
    const answer = await portal.send('RespondToRequest', { input: { requestId, stance: 'ESTIMATE', message: 'Soon' } }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'estimateNamesHours' });
    expect(await responses()).toHaveLength(2);
  });

  it('refuses customers and auditors, and writes nothing', async () => {
    for (const token of [world.carla, world.aud]) {
      const answer = await portal.send('RespondToRequest', { input: { requestId, stance: 'ACCEPT', message: 'Yes' } }, token);
      expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await responses()).toHaveLength(2);
  });

  it('answers NOT_FOUND for an unknown request', async () => {
    const input = { requestId: '0195a3c0-0000-7000-8000-000000000002', stance: 'ACCEPT', message: 'Yes' };
    expect((await portal.send('RespondToRequest', { input }, world.dan)).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
