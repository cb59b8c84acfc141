import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type RequestsWorld, allRequestTitles, directRequest, setUpRequestsWorld } from '../../../test/fixtures/requests-world.js';

describe('raiseRequest', () => {
  let portal: Portal;
  let world: RequestsWorld;
  beforeAll(async () => {
    portal = await startPortal();
    world = await setUpRequestsWorld(portal);
  });
  afterAll(() => portal.close());

  it('raises a DIRECT request made in a contact session, OPEN', async () => {
    const { raiseRequest } = await portal.ok('RaiseRequest', { input: directRequest(world) }, world.dan);
    expect(raiseRequest.request).toMatchObject({ title: 'Export invoices as CSV', kind: 'FEATURE', channel: 'DIRECT', status: 'OPEN' });
    expect(BigInt(raiseRequest.position) > 0n).toBe(true);
  });

  it('refuses a DIRECT request that names no session, and writes nothing', async () => {
    const input = directRequest(world, { title: 'No session', sessionId: undefined });
    const answer = await portal.send('RaiseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'directRequestNamesSession' });
    expect(await allRequestTitles(portal, world)).not.toContain('No session');
  });

  it('refuses a DIRECT request of a contact who did not attend the session it names, and writes nothing', async () => {
    const input = directRequest(world, { title: 'Not there', requestedById: world.cidId });
    const answer = await portal.send('RaiseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requesterAttendedSession' });
    expect(await allRequestTitles(portal, world)).not.toContain('Not there');
  });

  it('refuses a PROXY request that names no relay, and accepts one that does', async () => {
    const input = directRequest(world, { title: 'Via proxy', channel: 'PROXY', sessionId: undefined });
    const answer = await portal.send('RaiseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'proxyRequestNamesRelay', field: 'relayedById' });
    expect(await allRequestTitles(portal, world)).not.toContain('Via proxy');
    const { raiseRequest } = await portal.ok('RaiseRequest', { input: { ...input, relayedById: world.proxyId } }, world.dan);
    expect(raiseRequest.request).toMatchObject({ channel: 'PROXY', status: 'OPEN' });
  });

  it('answers NOT_FOUND for a requester who is no contact, and writes nothing', async () => {
    const input = directRequest(world, { title: 'Ghost', requestedById: '0195a3c0-0000-7000-8000-000000000000' });
    const answer = await portal.send('RaiseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await allRequestTitles(portal, world)).not.toContain('Ghost');
  });

  it('answers NOT_FOUND for a linked requirement that does not exist, and writes nothing', async () => {
    const input = directRequest(world, { title: 'Linked', requirementIds: ['0195a3c0-0000-7000-8000-000000000001'] });
    const answer = await portal.send('RaiseRequest', { input }, world.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Requirement' });
    expect(await allRequestTitles(portal, world)).not.toContain('Linked');
  });

  it('lets a CUSTOMER write in their own name only', async () => {
    const written = directRequest(world, { title: 'Written by Carla', channel: 'WRITTEN', sessionId: undefined });
    const { raiseRequest } = await portal.ok('RaiseRequest', { input: written }, world.carla);
    expect(raiseRequest.request).toMatchObject({ channel: 'WRITTEN', status: 'OPEN' });
    const forOther = await portal.send(
      'RaiseRequest',
      { input: { ...written, title: 'For Cid', requestedById: world.cidId } },
      world.carla,
    );
    expect(forOther.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerAsksAsThemselves' });
    const linked = await portal.send(
      'RaiseRequest',
      { input: { ...written, title: 'Linked by Carla', requirementIds: ['0195a3c0-0000-7000-8000-000000000001'] } },
      world.carla,
    );
    expect(linked.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerLinksNoRequirements' });
    // A written request names no session: the same answer for a session of the project and an id of none, so no id is confirmed.
    for (const sessionId of [world.sessionId, '0195a3c0-0000-7000-8000-000000000002']) {
      const withSession = await portal.send('RaiseRequest', { input: { ...written, title: 'In a session', sessionId } }, world.carla);
      expect(withSession.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'writtenRequestNamesNoSession' });
    }
    const titles = await allRequestTitles(portal, world);
    expect(titles).not.toContain('In a session');
    expect(titles).not.toContain('For Cid');
    expect(titles).not.toContain('Linked by Carla');
  });

  it('refuses a CUSTOMER raising a DIRECT request, and an AUDITOR anything, writing nothing', async () => {
    const direct = await portal.send('RaiseRequest', { input: directRequest(world, { title: 'Carla direct' }) }, world.carla);
    expect(direct.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'customerWritesIn' });
    const audited = await portal.send('RaiseRequest', { input: directRequest(world, { title: 'Auditor' }) }, world.aud);
    expect(audited.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const titles = await allRequestTitles(portal, world);
    expect(titles).not.toContain('Carla direct');
    expect(titles).not.toContain('Auditor');
  });

  it('answers a retried idempotency key with the first result and appends nothing', async () => {
    const input = directRequest(world, { title: 'Once only', idempotencyKey: 'raise-once' });
    const first = await portal.ok('RaiseRequest', { input }, world.dan);
    expect(await portal.ok('RaiseRequest', { input }, world.dan)).toEqual(first);
    expect((await allRequestTitles(portal, world)).filter((t) => t === 'Once only')).toHaveLength(1);
  });
});
