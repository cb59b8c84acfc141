import { jest } from '@jest/globals';
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
});
