import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { portalOperation } from '../harness/portal-operations.js';

/** One operation on a socket already open, answered with its data (it fails the test on errors). */
const sendOn = (client: Client, operation: string, variables: Record<string, unknown>, extensions?: Record<string, unknown>) =>
  new Promise<Record<string, any>>((resolve, reject) => {
    client.subscribe(
      { query: portalOperation(operation), variables, extensions },
      {
        next: (value) => (value.errors ? reject(new Error(JSON.stringify(value.errors))) : resolve(value.data as Record<string, any>)),
        error: reject,
        complete: () => undefined,
      },
    );
  });

describe('correlation ids over graphql-ws', () => {
  let portal: Portal;
  let token: string;
  let client: Client;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('jonas', 'Jonas');
    client = createClient({
      url: portal.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await portal.close();
  });

  /** The correlation id the audit log holds for the event at a position. */
  const correlationIdAt = async (position: string): Promise<string> => {
    const { auditLog } = await portal.ok('AuditLog', { first: 500 }, token);
    return auditLog.edges.find((edge: { node: { position: string } }) => edge.node.position === position).node.correlationId;
  };

  const openProject = (name: string, extensions?: Record<string, unknown>) =>
    sendOn(client, 'OpenProject', { input: { name, customerName: 'Northwind', budgetHours: 10 } }, extensions);

  it('gives each operation on one socket its own, as each HTTP request has its own', async () => {
    const first = await openProject('First');
    const second = await openProject('Second');
    const ids = [await correlationIdAt(first.openProject.position), await correlationIdAt(second.openProject.position)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("takes the subscribe message's extensions.correlationId when it is a sensible id, as x-correlation-id over HTTP", async () => {
    const given = await openProject('Given', { correlationId: 'portal-ws-7f3a' });
    expect(await correlationIdAt(given.openProject.position)).toBe('portal-ws-7f3a');
    const refused = await openProject('Refused', { correlationId: 'with space' });
    expect(await correlationIdAt(refused.openProject.position)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
