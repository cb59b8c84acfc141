import type { NewEvent } from '@cf/event-store';
import { eventElsewhere, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { sessionToday } from '../../../test/fixtures/worked-project-elsewhere.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A request asked or confirmed in a contact session rests on the session as the log holds it: one
 * voided, or corrected so that the requester was not there, on another instance a moment ago is no
 * evidence, though this instance's read models still hold it as it was.
 */
describe('the session a request names, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  let sessionId: string;
  beforeAll(async () => {
    ({ portal, p } = world);
    sessionId = await sessionToday(portal, p, [p.dora, p.pat]);
  });

  const corrected = (change: Record<string, unknown>, field: string): NewEvent =>
    eventElsewhere('ContactSessionCorrected', {
      sessionId,
      projectId: p.projectId,
      reason: 'Corrected elsewhere',
      changes: [{ field, from: null, to: JSON.stringify(change[field]) }],
      ...change,
    });
  const asked = (channel: string, requestedById: string, extra: Record<string, unknown> = {}) => ({
    projectId: p.projectId,
    title: 'Export',
    description: 'As CSV',
    kind: 'FEATURE',
    channel,
    requestedById,
    ...extra,
  });

  it('refuses a request asked, and a confirmation given, in a session where the log no longer has the requester', async () => {
    const proxied = (await portal.ok('RaiseRequest', { input: asked('PROXY', p.dora, { relayedById: p.pat }) }, p.mia)).raiseRequest.request
      .id;
    await whileReadModelsLag(portal, `session-${sessionId}`, corrected({ contactIds: [p.pat] }, 'contactIds'), async () => {
      const before = await eventCount(portal);
      const raised = await portal.send('RaiseRequest', { input: asked('DIRECT', p.dora, { sessionId }) }, p.mia);
      expect(raised.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requesterAttendedSession' });
      const confirmed = await portal.send('ConfirmRequest', { input: { requestId: proxied, sessionId } }, p.mia);
      expect(confirmed.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requesterAttendedSession' });
      expect(await eventCount(portal)).toBe(before);
    });
  });

  it('refuses a request asked in a session the log has voided', async () => {
    await whileReadModelsLag(portal, `session-${sessionId}`, corrected({ voided: true }, 'voided'), async () => {
      const before = await eventCount(portal);
      const raised = await portal.send('RaiseRequest', { input: asked('DIRECT', p.pat, { sessionId }) }, p.mia);
      expect(raised.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionNotVoided' });
      expect(await eventCount(portal)).toBe(before);
    });
  });
});
