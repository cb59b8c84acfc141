import { jest } from '@jest/globals';
import { type Server, Socket, createServer } from 'node:net';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../../../../test/harness/store-under-test.js';
import { PostgresLeadership } from './postgres-leadership.js';

const probe = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
const reachable = await probe.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`the projections' lead on PostgreSQL NOT RUN: ${TEST_DATABASE_URL} unreachable: ${error.message}`);
    return false;
  },
);
await probe.end().catch(() => undefined);
const describeWithPostgres = reachable || process.env.CI === 'true' ? describe : describe.skip;

/**
 * Followers ask for the lead on every pass and an instance given up to newer code is asked by
 * every readiness probe whether the lead is free: on one session kept between asks, not a
 * connection opened and closed on the server every instance shares each time.
 */
describeWithPostgres("the projections' lead on PostgreSQL", () => {
  const schema = `cf_lead_${process.pid}`;
  const leader = new PostgresLeadership(TEST_DATABASE_URL, schema);
  const follower = new PostgresLeadership(TEST_DATABASE_URL, schema);
  afterEach(async () => {
    jest.restoreAllMocks();
    await leader.release();
    await follower.release();
  });

  it('is asked for and asked about on one kept session, and a follower takes it once it is given back', async () => {
    expect(await follower.isFree()).toBe(true);
    expect(await leader.acquire()).toBe(true);
    expect(await leader.isFree()).toBe(false);
    const connects = jest.spyOn(pg.Client.prototype, 'connect');
    for (let ask = 0; ask < 5; ask++) {
      expect(await follower.acquire()).toBe(false);
      expect(await follower.isFree()).toBe(false);
    }
    expect(connects).toHaveBeenCalledTimes(0);
    await leader.release();
    expect(await follower.isFree()).toBe(true);
    // Asking whether it is free left nothing held: the follower takes it on the same session.
    expect(await follower.acquire()).toBe(true);
    expect(connects).toHaveBeenCalledTimes(0);
    expect(await leader.acquire()).toBe(false);
  });

  it('opens a new session to ask once the kept one was ended by the server', async () => {
    expect(await leader.acquire()).toBe(true);
    expect(await follower.acquire()).toBe(false);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      // The follower's asking session, as PostgreSQL ends one on a restart or an idle timeout.
      const asking = (follower as unknown as { asker: pg.Client & { processID: number } }).asker.processID;
      const { rows } = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend($1) AS ended', [asking]);
      expect(rows).toEqual([{ ended: true }]);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await leader.release();
    // The first ask after may find its session gone (and answers as the database unreachable); the next connects anew.
    const answers = [await follower.acquire()];
    if (!answers[0]) answers.push(await follower.acquire());
    expect(answers.at(-1)).toBe(true);
  });
  it('keeps no lead an acquire took while it was given back (a stop during the ask)', async () => {
    const query = pg.Client.prototype.query;
    let released: Promise<void> | undefined;
    jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === 'string' && args[0].startsWith('SET idle_session_timeout')) released ??= leader.release();
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    expect(await leader.acquire()).toBe(false);
    await released;
    jest.restoreAllMocks();
    expect(await follower.isFree()).toBe(true);
    expect(await follower.acquire()).toBe(true);
  });

  it('gives up an ask on a session whose host went silent, and takes the lead on a new one once it is free', async () => {
    // Between the follower and PostgreSQL: forwards every connection until frozen, then drops what the sessions open then send.
    const sockets: Socket[] = [];
    const postgres = new URL(TEST_DATABASE_URL);
    const proxy: Server = createServer((client) => {
      const server = new Socket().connect(Number(postgres.port || 5432), postgres.hostname);
      client.pipe(server).pipe(client);
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      sockets.push(client, server);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.host = `127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const silent = new PostgresLeadership(viaProxy.toString(), schema, 500);
    try {
      expect(await leader.acquire()).toBe(true);
      expect(await silent.acquire()).toBe(false);
      for (const socket of sockets) {
        socket.unpipe();
        socket.pause();
      }
      const frozen = sockets.length;
      await leader.release();
      const started = Date.now();
      let led = false;
      for (let ask = 0; ask < 5 && !led; ask++) led = await silent.acquire();
      expect(led).toBe(true);
      expect(sockets.length).toBeGreaterThan(frozen); // led on a session opened after the freeze
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.release();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
