import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Every entity's id is a UUID: a lookup by another text is bad input naming the argument (validation-pipe.ts). */
describe('an id argument that is no UUID', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('is refused as bad input naming the argument, as every lookup by id does, not as an unknown id', async () => {
    const token = await portal.tokenFor('ada', 'Ada Auditor');
    for (const [query, argument] of [
      ['{ history(id: "not-a-uuid") { type } }', 'id'],
      ['{ commitment(id: "not-a-uuid") { id } }', 'id'],
      ['{ perceptionGaps(projectId: "not-a-uuid") { toldAt } }', 'projectId'],
    ]) {
      const answer = await portal.graphql(query, {}, token);
      expect(answer.errors?.[0]).toMatchObject({
        message: `${argument}: must be a UUID`,
        extensions: { code: 'BAD_USER_INPUT', field: argument },
      });
    }
  });
});
