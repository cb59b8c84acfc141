import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { SqliteLeadership } from './adapters/sqlite/sqlite-leadership.js';
import { anEvent } from './contract/contract-context.js';
import type { ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { UNLED_FOR_MS } from './lead-hold.js';
import { totals } from './projection.spec-fixtures.js';
import { openSqliteReadModels } from './read-model-db.js';

/**
 * A rolling upgrade: instances with a new version of a projection start while instances with the
 * old code still run. The old leader's next page began far past the checkpoint the new code had
 * reset, so it skipped everything before it for good; an old follower that took the lead next
 * replayed the log into the new tables with the old code.
 */
describe('a projection rebuilt by newer code while older instances run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-rolling-'));
  const store = new SqliteEventStore({ file: ':memory:' });
  const dbs: ReadModelDb[] = [];
  const instance = (version: number) => {
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [{ ...totals, version }], 50, new SqliteLeadership(join(dir, 'projections.lock')));
    return { db, runner };
  };
  const add = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) await store.append(`s-${i % 3}`, [anEvent('Added', { amount: i })], { expectedLastIndex: 'any' });
  };
  const eventsPerStream = async (db: ReadModelDb) =>
    (await db.selectFrom('totals').select(['stream', 'events']).orderBy('stream').execute()).map((row) => Number(row.events));
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([...dbs.map((db) => db.destroy()), store.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is built by the newer code only: older leaders and followers give the projections up, none skips', async () => {
    const [leader, follower] = [instance(1), instance(1)];
    for (const old of [leader, follower]) await old.runner.migrate();
    expect(await leader.runner.takeLeadership()).toBe(true);
    await add(1, 120);
    await leader.runner.catchUp();
    const newer = instance(2);
    await newer.runner.migrate(); // drops the tables and resets the checkpoint under the older leader
    await add(121, 150);
    await leader.runner.catchUp();
    expect(leader.runner.isLeading()).toBe(false);
    const [reset] = await newer.db.selectFrom('projection_checkpoints').select('position').where('name', '=', 'totals').execute();
    expect(String(reset.position)).toBe('0');
    // The older follower finds the lock free first: it asks which code built the read model, and
    // follows; not current while the read model is rebuilt, so its API would refuse operations.
    const following = follower.runner.start();
    await sleep(200);
    expect(follower.runner.isLeading()).toBe(false);
    expect(follower.runner.hasCaughtUp()).toBe(false);
    await follower.runner.stop();
    await following;
    expect(await newer.runner.takeLeadership()).toBe(true);
    await newer.runner.catchUp();
    expect(await eventsPerStream(newer.db)).toEqual([50, 50, 50]);
    // An instance of the older code that starts now neither rebuilds the newer read model nor leads.
    const late = instance(1);
    await late.runner.migrate();
    expect(await eventsPerStream(newer.db)).toEqual([50, 50, 50]);
    // Nor does its `cli rebuild` empty them: it would replay nothing into them.
    await expect(late.runner.reset('totals')).rejects.toThrow(
      'read models totals were built by newer code: rebuild with that code (nothing was emptied)',
    );
    expect(await eventsPerStream(newer.db)).toEqual([50, 50, 50]);
    // While the newer code leads, the read models are projected; once it stops, nobody projects them,
    // though only once the lead has stayed free a while: a newer leader may be restarting.
    const at = (seconds: number) => 1_000_000 + seconds * 1_000;
    expect(await late.runner.newerReadModelsNobodyProjects(at(0))).toEqual([]);
    await newer.runner.stop();
    expect(await late.runner.newerReadModelsNobodyProjects(at(1))).toEqual([]);
    expect(await late.runner.newerReadModelsNobodyProjects(at(1 + UNLED_FOR_MS / 1_000))).toEqual(['totals']);
    // Led again for a moment (a newer instance back), the lead must stay free as long again.
    expect(await newer.runner.takeLeadership()).toBe(true);
    expect(await late.runner.newerReadModelsNobodyProjects(at(20))).toEqual([]);
    await newer.runner.stop();
    expect(await late.runner.newerReadModelsNobodyProjects(at(21))).toEqual([]);
    expect(await late.runner.newerReadModelsNobodyProjects(at(21 + UNLED_FOR_MS / 1_000))).toEqual(['totals']);
    await late.runner.start();
    expect(late.runner.isLeading()).toBe(false);
    await late.runner.stop();
  });

  it('is given up by a leader on a quiet log within a second or two, not at the next write', async () => {
    await add(1, 30);
    const older = instance(10);
    await older.runner.migrate();
    await older.runner.start();
    expect(older.runner.isLeading()).toBe(true);
    const newer = instance(11);
    await newer.runner.migrate(); // no event follows: nothing but the older leader's own asking can tell it
    for (let waited = 0; older.runner.isLeading() && waited < 5_000; waited += 100) await sleep(100);
    expect(older.runner.isLeading()).toBe(false);
    expect(await newer.runner.takeLeadership()).toBe(true);
    await newer.runner.catchUp();
    expect((await eventsPerStream(newer.db)).reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(30);
    await Promise.all([older.runner.stop(), newer.runner.stop()]);
  });

  it('is rebuilt by older code once its version is marked 0 (a rollback, as README says), recording how far it had come', async () => {
    const newer = instance(21);
    await newer.runner.migrate();
    expect(await newer.runner.takeLeadership()).toBe(true);
    await newer.runner.catchUp();
    const total = (await eventsPerStream(newer.db)).reduce((sum, n) => sum + n, 0);
    await newer.runner.stop();
    await newer.db.updateTable('projection_versions').set({ version: 0 }).execute();
    const older = instance(20);
    await older.runner.migrate();
    expect(await older.runner.takeLeadership()).toBe(true);
    await older.runner.catchUp();
    expect((await eventsPerStream(older.db)).reduce((sum, n) => sum + n, 0)).toBe(total);
    const [rebuilt] = await older.db.selectFrom('projection_rebuilds').select('replayed_through').where('name', '=', 'totals').execute();
    expect(BigInt(String(rebuilt.replayed_through))).toBe(await store.headPosition());
    await older.runner.stop();
  });
});
