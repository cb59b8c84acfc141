import { workedProjectPortal } from '../../../test/fixtures/worked-project.js';

const VIEWER_ROLE = 'query($id: ID!) { project(id: $id) { viewerRole } projects { edges { node { id viewerRole } } } }';

/** `viewerRole`: each caller reads their own role, a customer too, without reading who the members are. */
describe("a project's viewerRole", () => {
  const world = workedProjectPortal();

  it.each([
    ['mia', 'MANAGER'],
    ['dan', 'DEVELOPER'],
    ['ann', 'AUDITOR'],
    ['cora', 'CUSTOMER'],
  ] as const)('is %s’s own role, %s, on the project and in the list of projects', async (who, role) => {
    const answer = await world.portal.graphql(VIEWER_ROLE, { id: world.p.projectId }, world.p[who]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.project.viewerRole).toBe(role);
    expect(answer.data!.projects.edges).toEqual([{ node: { id: world.p.projectId, viewerRole: role } }]);
  });

  it('is null for one the answer finds no member any more, and the rest of the answer, a mutation’s included, stands', async () => {
    await world.portal.ok(
      'AddMember',
      { input: { projectId: world.p.projectId, userId: 'max', name: 'Max Manager', role: 'MANAGER' } },
      world.p.mia,
    );
    const max = await world.portal.tokenFor('max', 'Max Manager');
    const leaving = await world.portal.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position project { id viewerRole } } }',
      { input: { projectId: world.p.projectId, userId: 'max', reason: 'Left the team' } },
      max,
    );
    expect(leaving.errors).toBeUndefined();
    expect(leaving.data!.removeMember.project).toEqual({ id: world.p.projectId, viewerRole: null });
    expect(leaving.data!.removeMember.position).toMatch(/^\d+$/);
  });

  it('is refused to one who is no member, as the project is', async () => {
    const stranger = await world.portal.tokenFor('stranger', 'Stranger');
    const answer = await world.portal.graphql('query($id: ID!) { project(id: $id) { viewerRole } }', { id: world.p.projectId }, stranger);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
