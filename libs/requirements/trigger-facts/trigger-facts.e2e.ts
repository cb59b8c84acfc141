import { jest } from '@jest/globals';
import { movesBeforeAppend, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { requestRaisedElsewhere, sessionToday, sessionVoidedElsewhere } from '../../../test/fixtures/worked-project-elsewhere.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A change traced to a contact session or a request (why requirements moved after direct contact)
 * rests on them as the log holds them, never on a read model that may lag another instance: a
 * session voided there a moment ago caused nothing, and a request raised there a moment ago can
 * be what a requirement came from.
 */
describe('what a change is traced to, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  let sessionId: string;
  beforeAll(async () => {
    ({ portal, p } = world);
    sessionId = await sessionToday(portal, p, [p.dora], 'WORKSHOP');
  });
  afterEach(() => jest.restoreAllMocks());

  it('decides a requirement change again when its session is voided meanwhile, and refuses it then', async () => {
    const attempts = movesBeforeAppend(portal, 'requirement', `session-${sessionId}`, sessionVoidedElsewhere(p, sessionId));
    const before = await eventCount(portal);
    const input = { requirementId: p.r1, estimateHours: 45, reason: 'Agreed in the workshop', sessionId };
    const answer = await portal.send('ReviseRequirement', { input }, p.mia);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionNotVoided' });
    expect(attempts).toHaveLength(1); // the first append refused: the session's stream had moved
    expect(await eventCount(portal)).toBe(before + 1n); // the voiding only
  });

  it('refuses a request revision agreed in a session the log has voided', async () => {
    const input = {
      projectId: p.projectId,
      title: 'Export',
      description: 'As CSV',
      kind: 'FEATURE',
      channel: 'WRITTEN',
      requestedById: p.dora,
    };
    const requestId = (await portal.ok('RaiseRequest', { input }, p.mia)).raiseRequest.request.id;
    const other = { projectId: p.projectId, date: '2026-11-02', days: 1, kind: 'REMOTE', developerIds: ['dan'], contactIds: [p.dora] };
    const otherId = (await portal.ok('LogContactSession', { input: other }, p.mia)).logContactSession.session.id;
    await whileReadModelsLag(portal, `session-${otherId}`, sessionVoidedElsewhere(p, otherId), async () => {
      const before = await eventCount(portal);
      const revision = { requestId, description: 'As CSV and XLSX', reason: 'Agreed on the call', sessionId: otherId };
      const answer = await portal.send('ReviseRequest', { input: revision }, p.mia);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionNotVoided' });
      expect(await eventCount(portal)).toBe(before);
    });
  });

  it('traces a new requirement to a request raised a moment ago on another instance', async () => {
    const requestId = '3c1e2f4a-8b6d-4e0f-9a7b-2d5c6e8f0a13';
    const raised = requestRaisedElsewhere(p, requestId, {
      title: 'Audit trail export',
      channel: 'PROXY',
      requestedById: p.dora,
      relayedById: p.pat,
    });
    const input = { projectId: p.projectId, key: 'R9', title: 'Audit export', text: 'Export the trail.', estimateHours: 5, requestId };
    // Decided while this instance's read models have never heard of the request; its answer waits for them.
    const answer = await whileReadModelsLag(portal, `request-${requestId}`, raised, () => portal.send('AddRequirement', { input }, p.mia));
    expect(answer.errors).toBeUndefined();
    const changes = (await portal.ok('RequirementChanges', { projectId: p.projectId }, p.mia)).requirementChanges;
    expect(changes.find((change: { requirement: { key: string } }) => change.requirement.key === 'R9')).toMatchObject({
      trigger: { kind: 'REQUEST', channel: 'PROXY' },
    });
  });
});
