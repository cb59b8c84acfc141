import pg from 'pg';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';
import { type StoreUnderTest, TEST_DATABASE_URL, freshStore } from '../harness/store-under-test.js';

const SECRET = 'in-doubt-secret-in-doubt-secret-000042';

// Only PostgreSQL can hold a command at its append while the process stays free to stop (SQLite's wait blocks it).
const onPostgres = process.env.EVENT_STORE === 'postgres' ? describe : describe.skip;
if (process.env.EVENT_STORE !== 'postgres')
  console.log('a request held at its append through a stop is tried on PostgreSQL only: this run is on SQLite');

/** A stop whose drain ends while a mutation still waits on the store (its log's table locked by another session). */
onPostgres('stopping the API while a mutation waits on the store', () => {
  // Made when the tests run, not when they are collected: a skipped describe's body still runs, and left a directory behind.
  let store: StoreUnderTest;
  let api: ApiProcess | undefined;
  const locker = new pg.Client({ connectionString: TEST_DATABASE_URL });
  beforeAll(() => (store = freshStore('in_doubt', SECRET)));
  afterAll(async () => {
    await locker.end().catch(() => undefined);
    await api?.kill('SIGKILL');
    await store?.remove();
  });

  it('answers it 503, saying it may still be recorded, rather than cutting its connection', async () => {
    api = await startApiProcess(store.env);
    const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    const open = (name: string) => sendOperation(api!, 'OpenProject', { input: { name, customerName: 'C', budgetHours: 1 } }, token);
    expect((await open('Before')).errors).toBeUndefined();
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "${store.env.DATABASE_SCHEMA}".events IN ACCESS EXCLUSIVE MODE`);
    const held = open('Held').catch((error: Error) => ({ cut: String(error.cause ?? error) }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = api.kill('SIGTERM');
    const answer = await held;
    expect(answer).toMatchObject({
      status: 503,
      errors: [
        { message: expect.stringContaining('a mutation may still be recorded'), extensions: { code: 'UNAVAILABLE', inDoubt: true } },
      ],
    });
    await locker.query('COMMIT');
    await stopped;
    // Its own answer, written when its work ended, went nowhere: no error on the way out.
    expect({ exitCode: api.child.exitCode, errors: api.errorOutput() }).toEqual({ exitCode: 0, errors: '' });
  }, 40_000);
});
