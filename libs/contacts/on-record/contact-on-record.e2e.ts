import { jest } from '@jest/globals';
import type { NewEvent } from '@cf/event-store';
import { eventElsewhere, movesBeforeAppend, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A decision that names a contact rests on who they are in the log, not in a read model that may
 * lag another instance: a report, a request, a session or a promise never lands after its contact
 * was forgotten, and a promise's authority is the contact's as of its append.
 */
describe('contacts a decision names, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));
  afterEach(() => jest.restoreAllMocks());

  const contactEvent = (contactId: string, type: string, data: Record<string, unknown>): NewEvent =>
    eventElsewhere(type, { contactId, projectId: p.projectId, ...data });
  const register = async (name: string, canApproveScope: boolean): Promise<string> =>
    (await portal.ok('RegisterContact', { input: { projectId: p.projectId, name, role: 'DECISION_MAKER', canApproveScope } }, p.mia))
      .registerContact.contact.id;

  const contactMovesOnce = (category: string, contactId: string, event: NewEvent): string[] =>
    movesBeforeAppend(portal, category, `contact-${contactId}`, event);

  it('refuses a report, a request and a session naming a contact the log has forgotten, though the read models still list them', async () => {
    const erik = await register('Erik Elsewhere', true);
    const forgotten = contactEvent(erik, 'ContactForgotten', { reason: 'Asked to be forgotten' });
    // The read models stay where they are: Erik is not forgotten there.
    await whileReadModelsLag(portal, `contact-${erik}`, forgotten, async () => {
      const before = await eventCount(portal);
      const report = { projectId: p.projectId, subjectId: p.r1, toldStatus: 'ON_TRACK', toldToId: erik, message: 'Fine' };
      const request = {
        projectId: p.projectId,
        title: 'CSV',
        description: 'Export',
        kind: 'FEATURE',
        channel: 'WRITTEN',
        requestedById: erik,
      };
      const session = { projectId: p.projectId, date: '2026-11-30', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds: [erik] };
      for (const [operation, input] of [
        ['ReportStatus', report],
        ['RaiseRequest', request],
        ['LogContactSession', session],
      ] as const) {
        const answer = await portal.send(operation, { input }, p.mia);
        expect({ operation, ...answer.errors?.[0].extensions }).toMatchObject({
          operation,
          code: 'RULE_VIOLATED',
          rule: 'contactNotForgotten',
        });
      }
      expect(await eventCount(portal)).toBe(before);
    });
  });

  it('takes a report again when its contact is forgotten meanwhile, and refuses it then', async () => {
    const fay = await register('Fay Forgotten', true);
    const before = await eventCount(portal);
    const attempts = contactMovesOnce('status', fay, contactEvent(fay, 'ContactForgotten', { reason: 'Asked to be forgotten' }));
    const report = { projectId: p.projectId, subjectId: p.r2, toldStatus: 'ON_TRACK', toldToId: fay, message: 'Fine' };
    const answer = await portal.send('ReportStatus', { input: report }, p.mia);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'contactNotForgotten' });
    expect(attempts).toHaveLength(1); // the first append refused: the contact's stream had moved
    expect(await eventCount(portal)).toBe(before + 1n); // the forgetting only: no report after it
  });

  it("judges a promise on the contact's authority as of its append", async () => {
    const gil = await register('Gil Granted', true);
    const revoked = contactEvent(gil, 'ContactRevised', {
      reason: 'No longer signs off scope',
      changes: [{ field: 'canApproveScope', from: true, to: false }],
      canApproveScope: false,
    });
    const attempts = contactMovesOnce('budget', gil, revoked);
    const input = { projectId: p.projectId, madeToId: gil, summary: 'Bulk upload', estimateHours: 2 };
    const made = (await portal.ok('MakeCommitment', { input }, p.mia)).makeCommitment.commitment;
    expect(attempts).toHaveLength(2); // decided again on the revised contact
    expect(made.requestedWithoutAuthority).toBe(true);
  });

  it("judges a change order's countersignature on the contact's authority as of its append", async () => {
    const hal = await register('Hal Signer', true);
    const revoked = contactEvent(hal, 'ContactRevised', {
      reason: 'No longer signs off scope',
      changes: [{ field: 'canApproveScope', from: true, to: false }],
      canApproveScope: false,
    });
    const promise = { projectId: p.projectId, madeToId: p.dora, summary: 'Archive', estimateHours: 1 };
    const commitmentId = (await portal.ok('MakeCommitment', { input: promise }, p.mia)).makeCommitment.commitment.id;
    const attempts = contactMovesOnce('budget', hal, revoked);
    const before = await eventCount(portal);
    const order = {
      projectId: p.projectId,
      budgetHours: 120,
      reason: 'Archive paid for',
      coversCommitmentIds: [commitmentId],
      countersignedById: hal,
    };
    const answer = await portal.send('ChangeOrder', { input: order }, p.mia);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'Hal Signer may not approve scope, so cannot countersign a change order',
      extensions: { code: 'RULE_VIOLATED', rule: 'countersignerCanApproveScope' },
    });
    expect(attempts).toHaveLength(1); // the first append refused; decided again, the countersigner could no longer sign
    expect(await eventCount(portal)).toBe(before + 1n); // the revision only
  });
});
