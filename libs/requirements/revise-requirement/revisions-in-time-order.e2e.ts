import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

/**
 * Revisions sent at once race for the requirement's stream; each loser decides again on fresh
 * state. Its time is the moment it decided, so the history reads in time order and a requirement
 * as of a revision's time is that revision.
 */
describe('revisions sent at once', () => {
  let w: RequirementsWorld;
  beforeAll(async () => (w = await setUpWorld()));
  afterAll(() => w.portal.close());

  it('are recorded in time order, and the requirement as of each one’s time is that revision', async () => {
    const { addRequirement } = await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, 'R9', 1) }, w.manager);
    const id: string = addRequirement.requirement.id;
    const sent = Array.from({ length: 8 }, (_, i) =>
      w.portal.ok('ReviseRequirement', { input: { requirementId: id, estimateHours: i + 2, reason: `r${i}` } }, w.developer),
    );
    await Promise.all(sent);
    const { requirement } = await w.portal.ok('Requirement', { id }, w.auditor);
    const revisions: { revision: number; estimateHours: number; at: string }[] = requirement.revisions;
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const times = revisions.map((r) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const [i, r] of revisions.entries()) {
      // Two revisions in one millisecond share a time: as of it, the later one stands.
      if (i + 1 < revisions.length && times[i + 1] === times[i]) continue;
      const { requirementAsOf } = await w.portal.ok('RequirementAsOf', { id, asOf: r.at }, w.auditor);
      expect(requirementAsOf).toMatchObject({ revision: r.revision, estimateHours: r.estimateHours });
    }
  });
});
