import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';
import { portalOperation } from '../harness/portal-operations.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';

const SECRET = 'ws-log-secret-ws-log-secret-ws-log-0042';
const SVEN = { name: 'Sven Aalto', email: 'sven.aalto@northwind.example' };

interface LogLine {
  msg: string;
  operation?: string;
  correlationId?: string;
  durationMs?: number;
}

interface Feed {
  errors: { extensions: { code: string } }[];
  stop: () => void;
}

/** The built API as operators run it, one subscription per socket so that a second is refused. */
describe('operations over graphql-ws in the log', () => {
  let store: StoreUnderTest;
  let api: ApiProcess;
  let token: string;
  let projectId: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    store = freshStore('ws_logs', SECRET);
    api = await startApiProcess({ ...store.env, LOG_LEVEL: 'trace', SUBSCRIPTIONS_PER_SOCKET: '1' }, { keepOutput: true });
    token = await signToken(SECRET, { userId: 'jonas', name: 'Jonas' });
    const opened = await sendOperation(
      api,
      'OpenProject',
      { input: { name: 'Watched', customerName: 'Northwind', budgetHours: 4 } },
      token,
    );
    projectId = opened.data!.openProject.project.id;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await api?.kill();
    await store?.remove();
  });

  const lines = (): LogLine[] => api.logLines<LogLine>();

  /** The lines of one operation, once there are `count`; stdout reaches this process a moment after the answer. */
  const linesOf = async (correlationId: string, count: number): Promise<LogLine[]> => {
    const deadline = Date.now() + 5_000;
    const of = () => lines().filter((line) => line.correlationId === correlationId);
    while (of().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return of();
  };

  const socket = (): Client => {
    const client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  const send = (client: Client, operation: string, variables: object, correlationId: string): Feed => {
    const feed: Feed = { errors: [], stop: () => undefined };
    feed.stop = client.subscribe(
      { query: portalOperation(operation), variables: { ...variables }, extensions: { correlationId } },
      {
        next: () => undefined,
        error: (error) => void feed.errors.push(...(error as Feed['errors'])),
        complete: () => undefined,
      },
    );
    return feed;
  };

  const ofSubscription = { operation: 'ProjectActivity', operationType: 'subscription', caller: 'jonas', transport: 'websocket' };

  it('writes a line as a subscription starts and one as the client completes it, and one for a subscription a cap refused', async () => {
    const client = socket();
    const watching = send(client, 'ProjectActivity', { projectId }, 'watch-1');
    const [started] = await linesOf('watch-1', 1);
    expect(started).toEqual({ ...started, ...ofSubscription, msg: 'graphql operation started' });
    expect(started).not.toHaveProperty('durationMs');

    const refused = send(client, 'ProjectActivity', { projectId }, 'watch-2');
    expect(await linesOf('watch-2', 1)).toEqual([
      expect.objectContaining({
        ...ofSubscription,
        msg: 'graphql operation',
        outcome: 'RATE_LIMITED',
        reason: 'maxSubscriptionsPerSocket',
      }),
    ]);
    // The line is written as the refusal is handed to graphql-ws, a moment before the client reads it.
    for (const deadline = Date.now() + 5_000; refused.errors.length === 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(refused.errors[0].extensions.code).toBe('RATE_LIMITED');

    watching.stop();
    const [, ended] = await linesOf('watch-1', 2);
    expect(ended).toMatchObject({ ...ofSubscription, msg: 'graphql operation', outcome: 'OK' });
    expect(ended.durationMs).toBeGreaterThan(0);
  });

  it('ends a subscription still live when its socket closes', async () => {
    const client = socket();
    send(client, 'ProjectActivity', { projectId }, 'watch-3');
    await linesOf('watch-3', 1);
    await client.dispose();
    expect(await linesOf('watch-3', 2)).toEqual([
      expect.objectContaining({ ...ofSubscription, msg: 'graphql operation started' }),
      expect.objectContaining({ ...ofSubscription, msg: 'graphql operation', outcome: 'OK' }),
    ]);
  });

  it("names a failed operation's outcome by its error code, and never writes its variables", async () => {
    const client = socket();
    send(client, 'ProjectActivity', { projectId: '01900000-0000-7000-8000-000000000000' }, 'lost-1');
    const contact = { input: { projectId, ...SVEN, role: 'DECISION_MAKER', canApproveScope: true } };
    send(client, 'RegisterContact', contact, 'contact-1');
    expect((await linesOf('lost-1', 2)).at(-1)).toMatchObject({ ...ofSubscription, outcome: 'NOT_FOUND' });
    expect(await linesOf('contact-1', 2)).toEqual([
      expect.objectContaining({ operation: 'RegisterContact', operationType: 'mutation', msg: 'graphql operation started' }),
      expect.objectContaining({ operation: 'RegisterContact', operationType: 'mutation', msg: 'graphql operation', outcome: 'OK' }),
    ]);
    const everything = `${api.output()}\n${api.errorOutput()}`;
    for (const secret of [SVEN.name, SVEN.email, token, SECRET]) expect(everything).not.toContain(secret);
  });
});
