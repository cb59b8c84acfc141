import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithPostgres } from '../../test/harness/postgres-reachable.js';
import { TEST_DATABASE_URL } from '../../test/harness/store-under-test.js';
import { PostgresStoreClaim } from './adapters/postgres/postgres-store-claim.js';
import { STORE_CLAIM_FILE, SqliteStoreClaim } from './adapters/sqlite/sqlite-store-claim.js';
import type { StoreClaim } from './store-claim.js';

const describeIfReachable = await describeWithPostgres('PostgreSQL secret marks test');

/** What every store's claim shows of the secrets its shares sign with. */
const secretMarksOf = (claimWith: (mark?: number) => StoreClaim) => {
  const held: StoreClaim[] = [];
  const share = async (mark?: number): Promise<StoreClaim> => {
    const claim = claimWith(mark);
    held.push(claim);
    expect(await claim.share()).toBe(true);
    return claim;
  };
  afterEach(async () => {
    await Promise.all(held.splice(0).map((claim) => claim.release()));
  });

  it('shows a share the marks of the other secrets held, never its own, and only while they are held', async () => {
    const first = await share(11);
    const same = await share(11);
    expect(await first.otherSecretMarks()).toEqual([]);
    expect(await same.otherSecretMarks()).toEqual([]);
    const other = await share(22);
    expect(await first.otherSecretMarks()).toEqual([22]);
    expect(await other.otherSecretMarks()).toEqual([11]);
    await other.release();
    expect(await first.otherSecretMarks()).toEqual([]);
  });

  it('shows the marks to a share that holds none', async () => {
    await share(33);
    await share(44);
    const unmarked = await share();
    expect((await unmarked.otherSecretMarks()).sort((a, b) => a - b)).toEqual([33, 44]);
  });
};

describe('secret marks of SQLite store claims', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-claim-marks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  secretMarksOf((mark) => new SqliteStoreClaim(join(dir, STORE_CLAIM_FILE), mark));
});

describeIfReachable('secret marks of PostgreSQL store claims', () => {
  const schema = `cf_claim_marks_${process.pid}`;
  secretMarksOf((mark) => new PostgresStoreClaim(TEST_DATABASE_URL, schema, mark));
});
