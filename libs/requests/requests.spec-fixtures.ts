/** A project with a team, customer contacts and a session, set up over HTTP for the request specs. */
import type { Portal } from '../../test/harness/portal-harness.js';

export interface RequestsWorld {
  projectId: string;
  /** Tokens: MANAGER, DEVELOPER, AUDITOR, and two CUSTOMER members (each linked to their contact). */
  ada: string;
  dan: string;
  aud: string;
  carla: string;
  cid: string;
  carlaId: string;
  cidId: string;
  proxyId: string;
  sessionId: string;
}

export const setUpRequestsWorld = async (portal: Portal): Promise<RequestsWorld> => {
  const ada = await portal.tokenFor('ada', 'Ada Manager');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
  const projectId: string = openProject.project.id;
  const contact = async (name: string, role: string, canApproveScope: boolean): Promise<string> =>
    (await portal.ok('RegisterContact', { input: { projectId, name, role, canApproveScope } }, ada)).registerContact.contact.id;
  const carlaId = await contact('Carla Customer', 'DECISION_MAKER', true);
  const cidId = await contact('Cid Customer', 'END_USER', false);
  const proxyId = await contact('Pat Proxy', 'PROXY', false);
  const member = (userId: string, name: string, role: string, contactId?: string) =>
    portal.ok('AddMember', { input: { projectId, userId, name, role, contactId } }, ada);
  await member('dan', 'Dan Developer', 'DEVELOPER');
  await member('aud', 'Aud Auditor', 'AUDITOR');
  await member('carla', 'Carla Customer', 'CUSTOMER', carlaId);
  await member('cid', 'Cid Customer', 'CUSTOMER', cidId);
  const { logContactSession } = await portal.ok('LogContactSession', {
    input: { projectId, date: '2026-03-02', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds: [carlaId] },
  }, ada);
  return {
    projectId, ada, dan: await portal.tokenFor('dan', 'Dan Developer'), aud: await portal.tokenFor('aud', 'Aud Auditor'),
    carla: await portal.tokenFor('carla', 'Carla Customer'), cid: await portal.tokenFor('cid', 'Cid Customer'),
    carlaId, cidId, proxyId, sessionId: logContactSession.session.id,
  };
};

/** The input of a valid DIRECT request by Carla, made in the session; override to vary it. */
export const directRequest = (world: RequestsWorld, overrides: Record<string, unknown> = {}) => ({
  projectId: world.projectId, title: 'Export invoices as CSV', description: 'Finance wants a CSV export.',
  kind: 'FEATURE', channel: 'DIRECT', requestedById: world.carlaId, sessionId: world.sessionId, ...overrides,
});

/** Every request of the project as a manager sees it, to check that a refused command wrote nothing. */
export const allRequestTitles = async (portal: Portal, world: RequestsWorld): Promise<string[]> => {
  const { requests } = await portal.ok('Requests', { projectId: world.projectId, first: 500 }, world.ada);
  return requests.edges.map((e: { node: { title: string } }) => e.node.title);
};

/** The request query without the fields other contexts add (requirements, commitments). */
export const REQUEST_QUERY = `query ($id: ID!) { request(id: $id) {
  id title description kind channel status revision raisedAt
  requestedBy { id name role canApproveScope } relayedBy { id name role } session { id date kind }
  responses { stance message estimateHours at respondedBy { userId name } } } }`;
