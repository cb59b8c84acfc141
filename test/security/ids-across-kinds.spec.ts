import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';
import { portalOperation } from '../harness/portal-operations.js';

describe('ids are unique across kinds', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  let requestId: string;
  let contactId: string;
  let commitmentId: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('ada', 'Ada');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Ids', customerName: 'C', budgetHours: 10 } }, token)).openProject.project
      .id;
    contactId = (
      await portal.ok('RegisterContact', { input: { projectId, name: 'Cleo', role: 'END_USER', canApproveScope: false } }, token)
    ).registerContact.contact.id;
    requestId = (
      await portal.ok(
        'RaiseRequest',
        {
          input: { projectId, title: 'T', description: 'D', kind: 'FEATURE', channel: 'WRITTEN', requestedById: contactId },
        },
        token,
      )
    ).raiseRequest.request.id;
    commitmentId = (await portal.ok('MakeCommitment', { input: { projectId, summary: 'S', madeToId: contactId, estimateHours: 2 } }, token))
      .makeCommitment.commitment.id;
  });
  afterAll(() => portal.close());

  it.each(['HTTP', 'graphql-ws'])(
    "refuses openProject with a request's, a contact's or a commitment's id, appends nothing, and their histories stay their own (%s)",
    async (transport) => {
      const head = await portal.app.get(EventSourcing).store.headPosition();
      for (const id of [requestId, contactId, commitmentId]) {
        const variables = { input: { id, name: 'Squatter', customerName: 'C', budgetHours: 1 } };
        const answer =
          transport === 'HTTP'
            ? await portal.send('OpenProject', variables, token)
            : await overWebSocket(portal.url, portalOperation('OpenProject'), variables, token);
        expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
        expect(answer.errors?.[0].message).not.toMatch(/request|contact|commitment/i);
      }
      expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
      const { history } = await portal.ok('History', { id: requestId }, token);
      expect(history.map((entry: { type: string }) => entry.type)).toEqual(['RequestRaised']);
      const commitment = await portal.ok('History', { id: commitmentId }, token);
      expect(commitment.history.map((entry: { type: string }) => entry.type)).toEqual(['CommitmentMade']);
    },
  );

  it("still opens a project with a fresh id of the client's choosing, and refuses that id twice", async () => {
    const id = '01900000-0000-7000-8000-0000000000aa';
    const input = { id, name: 'Chosen', customerName: 'C', budgetHours: 1 };
    expect((await portal.ok('OpenProject', { input }, token)).openProject.project.id).toBe(id);
    expect((await portal.send('OpenProject', { input }, token)).errors?.[0].extensions.code).toMatch(/CONFLICT|RULE_VIOLATED/);
  });
});
