import { eventElsewhere, whileReadModelsLag } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A promise linked to a requirement rests on the requirement as the log holds it: one removed a
 * moment ago on another instance is no target, though this instance's read models still list it.
 */
describe('requirements a promise links, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  it('refuses a link to a requirement the log has removed, and takes the one it still holds', async () => {
    const removed = eventElsewhere('RequirementRemoved', {
      requirementId: p.r2,
      projectId: p.projectId,
      reason: 'Dropped from the contract',
      revision: 2,
    });
    // The read models stay where they are: R2 is live there.
    await whileReadModelsLag(portal, `requirement-${p.r2}`, removed, async () => {
      const before = await eventCount(portal);
      const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Reports', estimateHours: 3, requirementIds: [p.r2] };
      const refused = await portal.send('MakeCommitment', { input }, p.mia);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requirementNotRemoved' });
      expect(await eventCount(portal)).toBe(before);
    });
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Invoices', estimateHours: 3, requirementIds: [p.r1] };
    expect((await portal.ok('MakeCommitment', { input }, p.mia)).makeCommitment.commitment.outsideRequirements).toBe(false);
  });
});
