import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, apiRunToItsEnd, startApiProcess } from '../harness/api-process.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';

const SECRET = 'one-token-secret-one-token-secret-0001';
const ANOTHER = 'one-token-secret-one-token-secret-0002';
const SCHEMA = `cf_one_secret_${process.pid}`;
const describeIt = await describeWithPostgres('instances of one store with different token secrets');

/** The one line a start refused for its secret prints. */
const refusal = (why: string) =>
  `Invalid configuration: AUTH_JWT_SECRET ${why} the secret the instances serving this store sign tokens with: every instance of a store needs the same one, or tokens one signs are refused by another; start this one with theirs (to change it, stop every instance, then start them all with the new one); nothing was written`;

/**
 * Instances of one store must accept each other's tokens, or a user's request works or not by the
 * instance it reaches: a start with another secret than a serving instance's is refused.
 */
const onPostgres = process.env.EVENT_STORE === 'postgres';
/** A SQLite store is its data directory; each PostgreSQL instance has one of its own. */
const storeEnv = (dataDir: string): Record<string, string> =>
  onPostgres
    ? { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: SCHEMA, DATA_DIR: dataDir }
    : { EVENT_STORE: 'sqlite', DATA_DIR: dataDir };

// The store of the tier: SQLite in the first, PostgreSQL when the end-to-end tier runs again on it.
(onPostgres ? describeIt : describe)(`instances of one ${onPostgres ? 'PostgreSQL' : 'SQLite'} store and their token secrets`, () => {
  const dirs: string[] = [];
  const dataDir = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'cf-one-secret-')));
    return dirs.at(-1)!;
  };
  const storeDir = dataDir();
  const envOf = (secret?: string): Record<string, string> => ({
    ...storeEnv(onPostgres ? dataDir() : storeDir),
    ...(secret ? { AUTH_JWT_SECRET: secret } : {}),
  });
  let serving: ApiProcess | undefined;
  afterAll(async () => {
    await serving?.kill();
    if (onPostgres) await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a start with another secret, or with none, while an instance serves', async () => {
    serving = await startApiProcess(envOf(SECRET));
    const other = await apiRunToItsEnd(envOf(ANOTHER));
    expect({ code: other.code, lines: other.stderr.trim().split('\n') }).toEqual({ code: 1, lines: [refusal('differs from')] });
    if (onPostgres) {
      // Without AUTH_JWT_SECRET an instance would make a secret in its own DATA_DIR: refused before it is made.
      const env = envOf();
      const none = await apiRunToItsEnd(env);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain(
        `AUTH_JWT_SECRET is not set, and the secret this instance would make in ${env.DATA_DIR}/jwt-secret could not be`,
      );
      expect(existsSync(join(env.DATA_DIR, 'jwt-secret'))).toBe(false);
      // A DATA_DIR the refused start had to make is not left behind either.
      const notThereYet = join(dataDir(), 'made-at-start');
      expect((await apiRunToItsEnd({ ...envOf(ANOTHER), DATA_DIR: notThereYet })).code).toBe(1);
      expect(existsSync(notThereYet)).toBe(false);
    }
    const same = await startApiProcess(envOf(SECRET));
    expect((await fetch(`${same.url}/health/ready`)).status).toBe(200);
    await same.kill();
  }, 120_000);

  it('starts with a new secret once every instance has stopped', async () => {
    await serving?.kill();
    serving = await startApiProcess(envOf(ANOTHER));
    expect((await fetch(`${serving.url}/health/ready`)).status).toBe(200);
    await serving.kill();
    serving = undefined;
  }, 60_000);

  it('lets at most one of two starts with different secrets at the same moment serve, and refuses the other in one line', async () => {
    const starts = await Promise.allSettled([startApiProcess(envOf(SECRET)), startApiProcess(envOf(ANOTHER))]);
    const served = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    await Promise.all(served.map((api) => api.kill()));
    expect(served.length).toBeLessThanOrEqual(1);
    const refusals = starts.flatMap((start) => (start.status === 'rejected' ? [String((start.reason as Error).message)] : []));
    for (const refused of refusals) {
      // One line, the same as a refusal while one serves: each start checked the share it serves on.
      expect(refused.replace('the API exited at start: ', '').trim().split('\n')).toEqual([refusal('differs from')]);
    }
  }, 120_000);
});
