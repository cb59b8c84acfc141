import pg from 'pg';
import { TEST_DATABASE_URL, dropSchemas } from '../../test/harness/store-under-test.js';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { anEvent } from './contract/contract-context.js';
import type { ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { totals } from './projection.spec-fixtures.js';
import { openPostgresReadModels } from './read-model-db-postgres.js';

const probe = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
const reachable = await probe.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`two leaders on one PostgreSQL read-model schema NOT RUN: ${TEST_DATABASE_URL} unreachable: ${error.message}`);
    return false;
  },
);
await probe.end().catch(() => undefined);
const describeWithPostgres = reachable || process.env.CI === 'true' ? describe : describe.skip;

/**
 * Two instances may both believe they lead for a moment: one whose leadership session dropped
 * goes on with the page it is applying until it next asks. Read models on PostgreSQL are shared
 * by every instance, so a page applied by both must count once (counters are increments).
 */
describeWithPostgres('two runners applying the same log to one PostgreSQL read-model schema', () => {
  const schema = `cf_two_leaders_${process.pid}`;
  let store: SqliteEventStore;
  let dbs: ReadModelDb[];
  beforeAll(async () => {
    store = new SqliteEventStore({ file: ':memory:' });
    dbs = [await openPostgresReadModels(TEST_DATABASE_URL, schema), await openPostgresReadModels(TEST_DATABASE_URL, schema)];
  });
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
    await store.close();
    await dropSchemas(TEST_DATABASE_URL, [schema]);
  });

  it('apply every event once, whichever of them applies it', async () => {
    for (let i = 1; i <= 400; i++) await store.append(`s-${i % 5}`, [anEvent('Added', { amount: i })], { expectedLastIndex: 'any' });
    const runners = dbs.map((db) => new ProjectionRunner(store, db, [totals], 7));
    for (const runner of runners) await runner.migrate();
    const read = await Promise.all(runners.map((runner) => runner.catchUp()));
    expect(read.every((count) => count > 0)).toBe(true);
    const rows = await dbs[0].selectFrom('totals').select(['stream', 'total', 'events']).orderBy('stream').execute();
    const expected = [0, 1, 2, 3, 4].map((rest) => {
      const amounts = Array.from({ length: 400 }, (_, k) => k + 1).filter((i) => i % 5 === rest);
      return { stream: `s-${rest}`, total: amounts.reduce((a, b) => a + b, 0), events: amounts.length };
    });
    expect(rows).toEqual(expected);
    for (const runner of runners) expect(runner.slowestPosition()).toBe(400n);

    // A new version of the projection: the first instance to start rebuilds its tables, and both replay the log into them at once.
    const rebuilt = dbs.map((db) => new ProjectionRunner(store, db, [{ ...totals, version: 2 }], 7));
    await rebuilt[0].migrate();
    await Promise.all(rebuilt.map((runner) => runner.catchUp()));
    expect(await dbs[0].selectFrom('totals').select(['stream', 'total', 'events']).orderBy('stream').execute()).toEqual(expected);
  });
});
