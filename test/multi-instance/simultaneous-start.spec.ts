import { rmSync } from 'node:fs';
import { type ApiProcess, healthOf, startApiProcess } from '../harness/api-process.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';

const SCHEMA = `cf_three_${process.pid}`;
const env = {
  EVENT_STORE: 'postgres',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: SCHEMA,
  AUTH_JWT_SECRET: 'three-at-once-secret-three-at-once!',
  DATA_DIR: `/tmp/${SCHEMA}`,
};

const describeIt = await describeWithPostgres('simultaneous start');

describeIt('three API instances started at once on a fresh PostgreSQL schema', () => {
  const started: ApiProcess[] = [];
  afterAll(async () => {
    await Promise.all(started.map((api) => api.kill('SIGKILL')));
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    // The instances' data directory, like their schemas, goes with the test.
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  it('all come up, and exactly one leads the projections', async () => {
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => startApiProcess(env)));
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') started.push(outcome.value);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason).slice(0, 300) : 'up'))).toEqual(['up', 'up', 'up']);
    const health = await Promise.all(started.map(healthOf));
    expect(health.filter((h) => h.projectionsLedHere)).toHaveLength(1);
  }, 90_000); // three API processes starting at once: seconds alone, past jest's 30 s on a loaded machine (each is given 45 s)
});
