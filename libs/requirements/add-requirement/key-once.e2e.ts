import { whileReadModelsStayBehind } from '../../../test/harness/another-instance.js';
import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

/** A key is taken by the requirement's stream, not by a read model: adds that race, or that a read model has not reached, are refused. */
describe('a requirement key, taken once on the log', () => {
  let w: RequirementsWorld;
  beforeAll(async () => {
    w = await setUpWorld();
  });
  afterAll(() => w.portal.close());

  it('lets one of several simultaneous adds of a key through and refuses the others', async () => {
    const answers = await Promise.all(
      ['K1', 'k1', 'K1', ' k1 '].map((key) => w.portal.send('AddRequirement', { input: requirementInput(w.projectId, key) }, w.developer)),
    );
    const outcomes = answers.map((answer) => answer.errors?.[0].extensions.rule ?? 'added').sort();
    expect(outcomes).toEqual(['added', 'requirementKeyUnique', 'requirementKeyUnique', 'requirementKeyUnique']);
    expect((await w.liveKeys()).filter((key) => key.toLowerCase() === 'k1')).toHaveLength(1);
  });

  it('refuses a key whose first add the read models have not applied yet', async () => {
    const [first, second] = await whileReadModelsStayBehind(w.portal, async () => [
      await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, 'K2') }, w.developer),
      await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, ' k2 ', 12) }, w.manager),
    ]);
    expect(first!.errors?.[0].extensions.code).toBe('NOT_YET_READABLE');
    expect(second!.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requirementKeyUnique' });
    expect((await w.liveKeys()).filter((key) => key.toLowerCase() === 'k2')).toEqual(['K2']);
  });
});
