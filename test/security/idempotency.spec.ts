import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';
import { portalOperation } from '../harness/portal-operations.js';

describe('idempotency keys are bound to the command kind and its payload', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  let contactId: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('ada', 'Ada');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Keys', customerName: 'C', budgetHours: 10 } }, token)).openProject.project
      .id;
    contactId = (
      await portal.ok('RegisterContact', { input: { projectId, name: 'Cleo', role: 'END_USER', canApproveScope: false } }, token)
    ).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  const send = (transport: string, operation: string, variables: Record<string, unknown>) =>
    transport === 'HTTP'
      ? portal.send(operation, variables, token)
      : overWebSocket(portal.url, portalOperation(operation), variables, token);

  it.each(['HTTP', 'graphql-ws'])(
    'replays the same command, refuses other input and another kind of command, and appends nothing (%s)',
    async (transport) => {
      const key = `key-${transport}`;
      const input = { name: `Once ${transport}`, customerName: 'C', budgetHours: 1, idempotencyKey: key };
      const first = await send(transport, 'OpenProject', { input });
      expect(first.errors).toBeUndefined();
      expect((await send(transport, 'OpenProject', { input })).data).toEqual(first.data);
      const head = await portal.app.get(EventSourcing).store.headPosition();

      const otherInput = await send(transport, 'OpenProject', { input: { ...input, budgetHours: 2 } });
      expect(otherInput.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
        message: expect.stringContaining('other input'),
      });
      const otherKind = await send(transport, 'RaiseRequest', {
        input: {
          projectId,
          title: 'T',
          description: 'D',
          kind: 'FEATURE',
          channel: 'WRITTEN',
          requestedById: contactId,
          idempotencyKey: key,
        },
      });
      expect(otherKind.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
        message: expect.stringContaining('another kind of command (OpenProject)'),
      });
      expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
    },
  );

  it('replays the same command sent with its ids in capitals or an optional field as null', async () => {
    const input = {
      projectId,
      title: 'Export',
      description: 'CSV',
      kind: 'FEATURE',
      channel: 'WRITTEN',
      requestedById: contactId,
      idempotencyKey: 'key-as-read',
    };
    const first = await portal.ok('RaiseRequest', { input }, token);
    const head = await portal.app.get(EventSourcing).store.headPosition();
    const retries = [
      { ...input, projectId: projectId.toUpperCase(), requestedById: contactId.toUpperCase() },
      { ...input, relayedById: null },
    ];
    for (const retry of retries) expect(await portal.ok('RaiseRequest', { input: retry }, token)).toEqual(first);
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
  });
});
