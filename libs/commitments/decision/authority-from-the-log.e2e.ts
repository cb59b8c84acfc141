import { jest } from '@jest/globals';
import type { NewEvent } from '@cf/event-store';
import { eventElsewhere, movesBeforeAppend, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Who decides on a budget is part of the picture the decision rests on. The read models may lag
 * the log (another instance removed a manager a moment ago): the role is the project stream's,
 * and the append is refused if that stream moved meanwhile, so no approval and no promise made
 * "with authority" lands in the log after its maker stopped being a manager.
 */
describe('authority on a budget decision, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  it('refuses a manager the log has removed, though the read models still list them', async () => {
    const max = await portal.tokenFor('max', 'Max Manager');
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'max', name: 'Max Manager', role: 'MANAGER' } }, p.mia);
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Bulk upload', estimateHours: 5 };
    const pending = (await portal.ok('MakeCommitment', { input }, p.dan)).makeCommitment.commitment;
    expect(pending.status).toBe('PENDING_APPROVAL');
    const removed = eventElsewhere('MemberRemoved', { projectId: p.projectId, userId: 'max', reason: 'Left the team', until: today() });
    // The read models stay where they are: Max is a MANAGER there.
    await whileReadModelsLag(portal, `project-${p.projectId}`, removed, async () => {
      const before = await eventCount(portal);
      const approve = await portal.send('ApproveCommitment', { input: { commitmentId: pending.id, note: 'Fine' } }, max);
      expect(approve.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
      const promise = await portal.send('MakeCommitment', { input: { ...input, summary: 'OCR' } }, max);
      expect(promise.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
      expect(await eventCount(portal)).toBe(before);
    });
  });

  const projectMovesOnce = (event: NewEvent) => movesBeforeAppend(portal, 'budget', `project-${p.projectId}`, event);
  const memberEvent = (type: string, data: Record<string, unknown>): NewEvent => eventElsewhere(type, { projectId: p.projectId, ...data });

  it('decides again when the project moved meanwhile, and refuses if the decider is no member by then', async () => {
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'liv', name: 'Liv Manager', role: 'MANAGER' } }, p.mia);
    const liv = await portal.tokenFor('liv', 'Liv Manager');
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Export', estimateHours: 2 };
    try {
      const attempts = projectMovesOnce(memberEvent('MemberAdded', { userId: 'eve', name: 'Eve', role: 'AUDITOR', since: '2026-01-01' }));
      const made = await portal.ok('MakeCommitment', { input }, liv);
      expect(made.makeCommitment.commitment.madeWithoutAuthority).toBe(false);
      expect(attempts).toHaveLength(2); // the first refused: the project's stream had moved
      jest.restoreAllMocks();
      const before = await eventCount(portal);
      const refused = projectMovesOnce(memberEvent('MemberRemoved', { userId: 'liv', reason: 'Left', until: '2026-12-01' }));
      const answer = await portal.send('MakeCommitment', { input: { ...input, summary: 'Import' } }, liv);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
      expect(refused).toHaveLength(1);
      expect(await eventCount(portal)).toBe(before + 1n); // the removal only: no promise after it
    } finally {
      jest.restoreAllMocks();
    }
  });
});
