import { type GraphQLAnswer, type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** A project whose members' stays the specs move: Ada manages it, Bea is its contact; `remove` ends a stay. */
export interface StaysProject {
  portal: Portal;
  ada: string;
  projectId: string;
  bea: string;
  remove: (userId: string, until: string) => Promise<GraphQLAnswer>;
}

/** Started before the spec's tests and closed after them: read its fields inside a test or a hook. */
export const staysProject = (): StaysProject => {
  const world = {} as StaysProject;
  beforeAll(async () => {
    const portal = await startPortal();
    const ada = await portal.tokenFor('ada', 'Ada Manager');
    const projectId: string = (await portal.ok('OpenProject', { input: { name: 'Stays', customerName: 'ACME', budgetHours: 100 } }, ada))
      .openProject.project.id;
    const contact = { projectId, name: 'Bea Boss', role: 'DECISION_MAKER', canApproveScope: true };
    const bea: string = (await portal.ok('RegisterContact', { input: contact }, ada)).registerContact.contact.id;
    const remove = (userId: string, until: string) =>
      portal.graphql(
        'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { position } }',
        { i: { projectId, userId, reason: 'Moved on', until } },
        ada,
      );
    Object.assign(world, { portal, ada, projectId, bea, remove });
  });
  afterAll(() => world.portal?.close());
  return world;
};
