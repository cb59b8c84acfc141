import { jest } from '@jest/globals';
import { eventElsewhere, movesBeforeAppend, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { requestRaisedElsewhere, sessionToday, sessionVoidedElsewhere } from '../../../test/fixtures/worked-project-elsewhere.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A promise resting on a request is judged on the request as the log holds it, with who asked it
 * first-hand and whether they could approve scope then, never on a read model that may lag another
 * instance: a request withdrawn there is no target, one raised there a moment ago is one, and a
 * session voided meanwhile no longer carries the authority of what was asked in it.
 */
describe('requests a promise rests on, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));
  afterEach(() => jest.restoreAllMocks());

  const raise = async (requestedById: string, extra: Record<string, unknown> = { channel: 'WRITTEN' }): Promise<string> => {
    const input = { projectId: p.projectId, title: 'Export', description: 'As CSV', kind: 'FEATURE', requestedById, ...extra };
    return (await portal.ok('RaiseRequest', { input }, p.mia)).raiseRequest.request.id;
  };
  const promiseOn = (requestId: string) => ({
    projectId: p.projectId,
    madeToId: p.dora,
    summary: 'Export',
    estimateHours: 1,
    requestIds: [requestId],
  });
  const make = async (requestId: string) =>
    (await portal.ok('MakeCommitment', { input: promiseOn(requestId) }, p.mia)).makeCommitment.commitment;

  it('refuses a promise on a request the log has withdrawn, though the read models still hold it open', async () => {
    const requestId = await raise(p.dora);
    const withdrawn = eventElsewhere('RequestWithdrawn', { requestId, projectId: p.projectId, reason: 'Not needed' });
    await whileReadModelsLag(portal, `request-${requestId}`, withdrawn, async () => {
      const before = await eventCount(portal);
      const answer = await portal.send('MakeCommitment', { input: promiseOn(requestId) }, p.mia);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requestNotWithdrawn' });
      expect(await eventCount(portal)).toBe(before);
    });
  });

  it('takes a request raised a moment ago on another instance, with the authority its requester had', async () => {
    const requestId = '0b9ff2a4-7f37-4a5e-9d2c-5a4c8c1f6e01';
    const raised = requestRaisedElsewhere(p, requestId, { title: 'Archive', channel: 'WRITTEN', requestedById: p.dora });
    // Decided while this instance's read models have never heard of the request; its answer waits for them.
    const answer = await whileReadModelsLag(portal, `request-${requestId}`, raised, () =>
      portal.send('MakeCommitment', { input: promiseOn(requestId) }, p.mia),
    );
    const made = answer.data?.makeCommitment.commitment;
    expect(made).toMatchObject({ requestedWithoutAuthority: false, outsideRequirements: true });
  });

  it('judges first-hand word on the authority its contact had when they gave it, not on a later revision', async () => {
    const revise = (contactId: string, canApproveScope: boolean) =>
      portal.ok('ReviseContact', { input: { contactId, canApproveScope, reason: 'Role changed' } }, p.mia);
    const byPat = await raise(p.pat); // could not approve scope then
    const byDora = await raise(p.dora); // could then
    await revise(p.pat, true);
    await revise(p.dora, false);
    try {
      expect(await make(byPat)).toMatchObject({ requestedWithoutAuthority: true });
      expect(await make(byDora)).toMatchObject({ requestedWithoutAuthority: false });
    } finally {
      await revise(p.dora, true);
      await revise(p.pat, false);
    }
  });

  it('decides again when the session a request was asked in is voided meanwhile, and then finds no authority', async () => {
    const sessionId = await sessionToday(portal, p, [p.dora]);
    const requestId = await raise(p.dora, { channel: 'DIRECT', sessionId });
    const attempts = movesBeforeAppend(portal, 'budget', `session-${sessionId}`, sessionVoidedElsewhere(p, sessionId));
    expect(await make(requestId)).toMatchObject({ requestedWithoutAuthority: true });
    expect(attempts).toHaveLength(2); // the first append refused: the session's stream had moved
  });
});
