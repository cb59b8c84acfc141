import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProject } from '../../../test/fixtures/worked-project.js';

const VIEWER_ROLE = 'query($id: ID!) { project(id: $id) { viewerRole } projects { edges { node { id viewerRole } } } }';

/** `viewerRole`: each caller reads their own role, a customer too, without reading who the members are. */
describe("a project's viewerRole", () => {
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(async () => {
    portal = await startPortal();
    p = await workedProject(portal);
  });
  afterAll(() => portal.close());

  it.each([
    ['mia', 'MANAGER'],
    ['dan', 'DEVELOPER'],
    ['ann', 'AUDITOR'],
    ['cora', 'CUSTOMER'],
  ] as const)('is %s’s own role, %s, on the project and in the list of projects', async (who, role) => {
    const answer = await portal.graphql(VIEWER_ROLE, { id: p.projectId }, p[who]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.project.viewerRole).toBe(role);
    expect(answer.data!.projects.edges).toEqual([{ node: { id: p.projectId, viewerRole: role } }]);
  });

  it('is null for one the answer finds no member any more, and the rest of the answer, a mutation’s included, stands', async () => {
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'max', name: 'Max Manager', role: 'MANAGER' } }, p.mia);
    const max = await portal.tokenFor('max', 'Max Manager');
    const leaving = await portal.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position project { id viewerRole } } }',
      { input: { projectId: p.projectId, userId: 'max', reason: 'Left the team' } },
      max,
    );
    expect(leaving.errors).toBeUndefined();
    expect(leaving.data!.removeMember.project).toEqual({ id: p.projectId, viewerRole: null });
    expect(leaving.data!.removeMember.position).toMatch(/^\d+$/);
  });

  it('is refused to one who is no member, as the project is', async () => {
    const stranger = await portal.tokenFor('stranger', 'Stranger');
    const answer = await portal.graphql('query($id: ID!) { project(id: $id) { viewerRole } }', { id: p.projectId }, stranger);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
