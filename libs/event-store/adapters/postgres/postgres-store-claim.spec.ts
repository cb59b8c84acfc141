import pg from 'pg';
import { advisoryKey } from './advisory-key.js';
import { PostgresStoreClaim } from './postgres-store-claim.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const probe = new pg.Client({ connectionString: URL_, connectionTimeoutMillis: 3_000 });
const reachable = await probe.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`PostgreSQL store claim test NOT RUN: cannot reach ${URL_}: ${error.message}`);
    return false;
  },
);
await probe.end().catch(() => undefined);
const describeIfReachable = reachable || process.env.CI === 'true' ? describe : describe.skip;

/** The sessions holding this claim's lock (its key: other tests' claims run beside it). */
const claimSessions = async (admin: pg.Client, schema: string): Promise<number[]> =>
  (
    await admin.query<{ pid: number }>(
      `SELECT DISTINCT pid FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) = $1::bigint`,
      [advisoryKey(`store claim:${schema}`)],
    )
  ).rows.map((row) => row.pid);

const until = async (check: () => Promise<boolean>, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true;
  return false;
};

describeIfReachable('PostgreSQL store claim', () => {
  const schema = `cf_store_claim_${process.pid}`;
  const admin = new pg.Client({ connectionString: URL_ });
  beforeAll(() => admin.connect());
  afterAll(() => admin.end());

  it("takes an instance's share again when its session is lost, so a job started after is refused again", async () => {
    const instance = new PostgresStoreClaim(URL_, schema);
    const job = new PostgresStoreClaim(URL_, schema);
    try {
      expect(await instance.share()).toBe(true);
      const sessions = await claimSessions(admin, schema);
      expect(sessions).toHaveLength(1);
      const [lost] = sessions;
      await admin.query('SELECT pg_terminate_backend($1)', [lost]);
      // The share is back on another session within a few seconds: a job is refused then.
      expect(await until(async () => (await claimSessions(admin, schema)).some((pid) => pid !== lost), 10_000)).toBe(true);
      expect(await job.takeAlone()).toBe(false);
      // Released, it is not taken again: the job gets the store.
      await instance.release();
      expect(await until(() => job.takeAlone(), 5_000)).toBe(true);
    } finally {
      await job.release();
      await instance.release();
    }
  }, 30_000);
});
