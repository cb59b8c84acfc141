import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PostgresEventStore } from './postgres-event-store.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WRITER = fileURLToPath(new URL('../../../../test/fixtures/append-writer.mjs', import.meta.url));
const WRITERS = 4;
const EACH = 150;

const probe = new pg.Client({ connectionString: URL_, connectionTimeoutMillis: 3_000 });
const reachable = await probe.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`PostgreSQL ordering test NOT RUN: cannot reach ${URL_}: ${error.message}`);
    return false;
  },
);
await probe.end().catch(() => undefined);
const describeIfReachable = reachable || process.env.CI === 'true' ? describe : describe.skip;

const runWriter = (schema: string, name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, URL_, schema, String(EACH), name], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${name} exited ${code}: ${stderr}`))));
  });

describeIfReachable('PostgreSQL positions under writers in several processes', () => {
  const schema = `cf_ordering_${process.pid}`;
  let store: PostgresEventStore;
  beforeAll(() => (store = new PostgresEventStore({ connectionString: URL_, schema })));
  afterAll(async () => {
    await store.close();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('never shows a reader a position below one it has passed, and leaves no gaps', async () => {
    await store.headPosition();
    const writers = Promise.all(Array.from({ length: WRITERS }, (_, i) => runWriter(schema, `p${i}`)));
    let finished = false;
    void writers.then(
      () => (finished = true),
      () => (finished = true),
    );
    let cursor = 0n;
    const seen: bigint[] = [];
    while (!finished || cursor < (await store.headPosition())) {
      for (const event of await store.readAll({ after: cursor, limit: 50 })) {
        expect(event.position).toBe(cursor + 1n);
        cursor = event.position;
        seen.push(event.position);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await writers;
    expect(seen).toHaveLength(WRITERS * EACH);
    expect((await store.readAll({ after: 0n, limit: 10_000 })).map((e) => e.position)).toEqual(seen);
  });
});
