import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

describe('removeRequirement', () => {
  let w: RequirementsWorld;
  beforeAll(async () => {
    w = await setUpWorld();
  });
  afterAll(() => w.portal.close());

  it('removes a requirement: it leaves the live list, counts one more revision, and its key stays taken', async () => {
    const id = (await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, 'R1') }, w.manager)).addRequirement.requirement
      .id;
    const { removeRequirement } = await w.portal.ok('RemoveRequirement', { input: { requirementId: id, reason: 'Dropped' } }, w.developer);
    expect(removeRequirement.requirement).toEqual({ id, removed: true });
    expect(await w.liveKeys()).toEqual([]);
    const { requirement } = await w.portal.ok('Requirement', { id }, w.manager);
    expect(requirement).toMatchObject({ removed: true, revision: 2 });
    // Its history says so too, from false to true, as its revisions and requirementChanges do.
    const [addition, removal] = (await w.portal.ok('History', { id }, w.auditor)).history;
    expect(addition.changes).toContainEqual({ field: 'removed', from: null, to: 'false' });
    expect(removal).toMatchObject({ type: 'RequirementRemoved', revision: 2 });
    expect(removal.changes).toContainEqual({ field: 'removed', from: 'false', to: 'true' });
    const again = await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, 'R1') }, w.manager);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requirementKeyUnique' });
  });

  it('refuses removing twice (finalState) and an AUDITOR (FORBIDDEN), writing nothing', async () => {
    const id = (await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, 'R2') }, w.manager)).addRequirement.requirement
      .id;
    const forbidden = await w.portal.send('RemoveRequirement', { input: { requirementId: id, reason: 'no' } }, w.auditor);
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await w.portal.ok('RemoveRequirement', { input: { requirementId: id, reason: 'Dropped' } }, w.manager);
    const head = await w.head();
    const twice = await w.portal.send('RemoveRequirement', { input: { requirementId: id, reason: 'Again' } }, w.manager);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
    expect(await w.head()).toBe(head);
  });
});
