import { type GraphQLAnswer, type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProject } from '../../../test/fixtures/worked-project.js';

/** What the standing specs work with: a fresh portal holding the worked project, and the calls they make. */
export interface StandingPortal {
  portal: Portal;
  p: WorkedProject;
  make(token: string, input: Record<string, unknown>): Promise<string>;
  standing(id: string, token?: string): Promise<Record<string, any>>;
  dashboard(): Promise<Record<string, any>>;
  /** The ids of the project's commitments the filter lists, as the manager reads them. */
  listed(filter: Record<string, unknown>): Promise<string[]>;
  changeOrder(input: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<Record<string, any>>>;
}

/** A new portal with the worked project before each test of the calling describe, closed after it. */
export const standingPortal = (): StandingPortal => {
  const world = {} as StandingPortal;
  beforeEach(async () => {
    world.portal = await startPortal();
    world.p = await workedProject(world.portal);
  });
  afterEach(() => world.portal.close());
  world.make = async (token, input) =>
    (await world.portal.ok('MakeCommitment', { input: { projectId: world.p.projectId, madeToId: world.p.dora, ...input } }, token))
      .makeCommitment.commitment.id;
  world.standing = async (id, token = world.p.mia) => (await world.portal.ok('CommitmentStanding', { id }, token)).commitment;
  world.dashboard = async () =>
    (await world.portal.ok('DashboardStanding', { projectId: world.p.projectId }, world.p.mia)).dashboard.commitments;
  world.listed = async (filter) =>
    (await world.portal.ok('Commitments', { projectId: world.p.projectId, filter }, world.p.mia)).commitments.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
  world.changeOrder = (input, token = world.p.mia) =>
    world.portal.send('ChangeOrder', { input: { projectId: world.p.projectId, reason: 'Change order', ...input } }, token);
  return world;
};
