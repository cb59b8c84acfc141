import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { SqliteLeadership } from './adapters/sqlite/sqlite-leadership.js';
import type { ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { totals } from './projection.spec-fixtures.js';
import { added } from './projection-runner.spec-fixtures.js';
import { openSqliteReadModels } from './read-model-db.js';

/**
 * A follower serves the leader's read models. Said current at once, it answered from a read model
 * the leader was still building (after an upgrade, from position 0) as if it were whole.
 */
describe('a follower of a leader still catching up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-follower-'));
  const store = new SqliteEventStore({ file: ':memory:' });
  const dbs: ReadModelDb[] = [];
  const instance = async (): Promise<ProjectionRunner> => {
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [totals], 50, new SqliteLeadership(join(dir, 'projections.lock')));
    await runner.migrate();
    return runner;
  };
  afterAll(async () => {
    await Promise.all([...dbs.map((db) => db.destroy()), store.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is current only once the leader has reached the head it found at its start', async () => {
    for (let i = 1; i <= 120; i++) await store.append(`s-${i % 3}`, [added(i)], { expectedLastIndex: 'any' });
    const leader = await instance();
    expect(await leader.takeLeadership()).toBe(true);
    const follower = await instance();
    const caughtUp = follower.start();
    await sleep(300); // a few passes of the follower over the leader's checkpoints
    expect(follower.isLeading()).toBe(false);
    expect(follower.hasCaughtUp()).toBe(false);
    await leader.catchUp();
    await caughtUp;
    expect(follower.hasCaughtUp()).toBe(true);
    expect(follower.slowestPosition()).toBe(await store.headPosition());
    await follower.stop();
    await leader.stop();
  });
});
