import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { portalOperation } from '../harness/portal-operations.js';

interface Feed {
  received: unknown[];
  refusals: { message: string; extensions: { code: string; rule?: string } }[];
  stop: () => void;
}

const until = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('live subscriptions are capped per socket and per user (SUBSCRIPTIONS_PER_SOCKET, SUBSCRIPTIONS_PER_USER)', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    portal = await startPortal({ env: { SUBSCRIPTIONS_PER_SOCKET: '3', SUBSCRIPTIONS_PER_USER: '5' } });
    token = await portal.tokenFor('watcher');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Watched', customerName: 'C', budgetHours: 10 } }, token)).openProject
      .project.id;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await portal.close();
  });

  /** A socket of its own, as each page of the portal opens one. */
  const socket = (): Client => {
    const client = createClient({
      url: portal.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  const follow = (client: Client): Feed => {
    const feed: Feed = { received: [], refusals: [], stop: () => undefined };
    feed.stop = client.subscribe(
      { query: portalOperation('ProjectActivity'), variables: { projectId } },
      {
        next: (value) => void feed.received.push(value),
        error: (error) => void feed.refusals.push(...(error as Feed['refusals'])),
        complete: () => undefined,
      },
    );
    return feed;
  };

  /**
   * Changes the budget until every feed has heard of it: a subscription is live once it hears one
   * (graphql-ws does not acknowledge a subscribe, and one not yet listening hears nothing).
   */
  let budgetHours = 10;
  const heardBy = async (feeds: Feed[]): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!feeds.every((feed) => feed.received.length > 0)) {
      if (Date.now() > deadline) throw new Error(`a subscription heard nothing: ${JSON.stringify(feeds.map((feed) => feed.refusals))}`);
      await portal.ok('ChangeBudget', { input: { projectId, budgetHours: ++budgetHours, reason: 'probe' } }, token);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('refuses a subscribe over either cap with RATE_LIMITED naming it, opens nothing for it, and frees a slot on complete and on close', async () => {
    const first = socket();
    const open = [follow(first), follow(first), follow(first)];
    const overSocket = follow(first);
    await until(() => overSocket.refusals.length > 0);
    expect(overSocket.refusals).toEqual([
      {
        message: 'At most 3 subscriptions may be live on one socket: complete one before starting another',
        extensions: { code: 'RATE_LIMITED', rule: 'maxSubscriptionsPerSocket' },
      },
    ]);
    const second = socket();
    open.push(follow(second), follow(second));
    const overUser = follow(second);
    await until(() => overUser.refusals.length > 0);
    expect(overUser.refusals[0].extensions).toEqual({ code: 'RATE_LIMITED', rule: 'maxSubscriptionsPerUser' });
    await heardBy(open);

    open[0].stop(); // completed: its slot on the first socket is free again
    const again = follow(first);
    await heardBy([again]);
    const closed = new Promise((resolve) => first.on('closed', resolve));
    await first.dispose(); // closed: its three slots of the user's five are free again, once the server hears of it
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = socket();
    const afterClose = [follow(second), follow(third), follow(third)];
    await heardBy(afterClose);
    const overUserAgain = follow(third);
    await until(() => overUserAgain.refusals.length > 0);
    expect(overUserAgain.refusals[0].extensions.rule).toBe('maxSubscriptionsPerUser');
    expect([again, ...afterClose].flatMap((feed) => feed.refusals)).toEqual([]);
    expect([overSocket, overUser, overUserAgain].map((feed) => feed.received)).toEqual([[], [], []]);
  });
});
