import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

describe('the customer view over graphql-ws', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('hides from a CUSTOMER member over graphql-ws what it hides over HTTP', async () => {
    const ada = await portal.tokenFor('ada', 'Ada');
    const projectId = (await portal.ok('OpenProject', { input: { name: 'P', customerName: 'C', budgetHours: 40 } }, ada)).openProject
      .project.id;
    const contactId = (
      await portal.ok('RegisterContact', { input: { projectId, name: 'Cora', role: 'END_USER', canApproveScope: false } }, ada)
    ).registerContact.contact.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'cora', name: 'Cora', role: 'CUSTOMER', contactId } }, ada);
    const cora = await portal.tokenFor('cora', 'Cora');
    const query = `{ project(id: "${projectId}") { name budgetHours } }`;
    const overHttp = await portal.graphql(query, {}, cora);
    const overWs = await overWebSocket(portal.url, query, {}, cora);
    expect(overHttp.data).toEqual({ project: { name: 'P', budgetHours: null } });
    expect(overWs.data).toEqual(overHttp.data);
    expect((await overWebSocket(portal.url, query, {}, ada)).data).toEqual({ project: { name: 'P', budgetHours: 40 } });
  });
});
