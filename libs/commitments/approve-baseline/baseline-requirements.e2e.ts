import { jest } from '@jest/globals';
import { EventSourcing } from '@cf/ledger';
import { eventElsewhere, movesBeforeAppend, whileReadModelsStand } from '../../../test/harness/another-instance.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/**
 * A baseline freezes the requirements as the log holds them when it is approved: a change another
 * instance (or a command a moment earlier) appended before it is in it, though this instance's read
 * models had not applied it yet, and one that lands while the approval is decided makes it be taken again.
 */
describe('the requirements a baseline freezes, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));
  afterEach(() => jest.restoreAllMocks());

  const by = { userId: 'mia', name: 'Mia Manager' };
  const revised = (revision: number, estimateHours: number) =>
    eventElsewhere('RequirementRevised', {
      requirementId: p.r1,
      projectId: p.projectId,
      revision,
      title: 'R1 title',
      text: 'What R1 asks for.',
      estimateHours,
      changes: [{ field: 'estimateHours', from: '40', to: String(estimateHours) }],
      reason: 'Grew in the workshop',
      trigger: { kind: 'INTERNAL' },
      by,
    });
  const added = (requirementId: string, key: string, estimateHours: number) =>
    eventElsewhere('RequirementAdded', {
      requirementId,
      projectId: p.projectId,
      key,
      title: `${key} title`,
      text: `What ${key} asks for.`,
      estimateHours,
      trigger: { kind: 'INTERNAL' },
      revision: 1,
      by,
    });
  const approve = async (name: string) =>
    (await portal.ok('ApproveBaseline', { input: { projectId: p.projectId, name, countersignedById: p.dora } }, p.mia)).approveBaseline
      .baseline;

  it('holds every change the log has before it, though the read models had not applied them', async () => {
    const r3 = '5a0c7e1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d';
    const store = portal.app.get(EventSourcing).store;
    const baseline = await whileReadModelsStand(portal, async () => {
      await store.append(`requirement-${p.r1}`, [revised(2, 60)], { expectedLastIndex: 'any' });
      const removed = eventElsewhere('RequirementRemoved', {
        requirementId: p.r2,
        projectId: p.projectId,
        reason: 'Descoped',
        revision: 2,
        by,
      });
      await store.append(`requirement-${p.r2}`, [removed], { expectedLastIndex: 'any' });
      await store.append(`requirement-${r3}`, [added(r3, 'R3', 25)], { expectedLastIndex: 'any' });
      return approve('After the workshop');
    });
    expect(baseline).toMatchObject({
      totalHours: 85,
      requirements: [
        { key: 'R1', revision: 2, estimateHours: 60 },
        { key: 'R3', revision: 1, estimateHours: 25 },
      ],
    });
  });

  it('holds a requirement added after the read models were brought up to the head, read from the log', async () => {
    const r4 = '6b1d8f2c-3e5a-4b7c-9d0e-1f2a3b4c5d6e';
    const { runner, store } = portal.app.get(EventSourcing);
    const caughtUp = runner.waitFor.bind(runner);
    const baseline = await whileReadModelsStand(portal, async () => {
      // Added on another instance just after this one's read models reached the head: they never see it before the approval.
      jest.spyOn(runner, 'waitFor').mockImplementationOnce(async (position, timeoutMs) => {
        const reached = await caughtUp(position, timeoutMs);
        await store.append(`requirement-${r4}`, [added(r4, 'R4', 5)], { expectedLastIndex: 'any' });
        return reached;
      });
      return approve('With R4');
    });
    expect(baseline.requirements).toContainEqual({ key: 'R4', revision: 1, estimateHours: 5 });
  });

  it('is taken again when a requirement it holds is revised while it is decided', async () => {
    const { revision } = (await portal.ok('Requirement', { id: p.r1 }, p.mia)).requirement;
    const attempts = movesBeforeAppend(portal, 'budget', `requirement-${p.r1}`, revised(revision + 1, 70));
    const baseline = await approve('Signed off');
    expect(attempts).toHaveLength(2); // the first append refused: R1's stream had moved
    expect(baseline.requirements).toContainEqual({ key: 'R1', revision: revision + 1, estimateHours: 70 });
  });

  it('is taken again when a requirement is added while it is decided, on any instance', async () => {
    const r5 = '7c2e9a3d-4f6b-4c8d-8e1f-2a3b4c5d6e7f';
    const attempts = movesBeforeAppend(portal, 'budget', `requirement-${r5}`, added(r5, 'R5', 3));
    const baseline = await approve('With R5');
    expect(attempts).toHaveLength(2); // a new requirement stream moves nothing held: the condition on the kind refused the first
    expect(baseline.requirements).toContainEqual({ key: 'R5', revision: 1, estimateHours: 3 });
  });
});
