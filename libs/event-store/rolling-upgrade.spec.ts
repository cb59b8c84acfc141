import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { anEvent } from './contract/contract-context.js';
import { ProjectionRunner } from './projection-runner.js';
import { totals } from './projection.spec-fixtures.js';
import { openSqliteReadModels } from './read-model-db.js';

/**
 * A rolling upgrade: an instance with a new version of a projection starts while one with the old
 * code still leads. The new one rebuilds the read model; the old leader, whose next page began far
 * past the reset checkpoint, applied that page and moved the checkpoint to its end, so everything
 * before it was lost for good while every figure said the read model was current.
 */
describe('a projection rebuilt for a newer version while an older instance leads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-rolling-'));
  const store = new SqliteEventStore({ file: ':memory:' });
  const [oldDb, newDb] = [openSqliteReadModels(join(dir, 'read-models.sqlite')), openSqliteReadModels(join(dir, 'read-models.sqlite'))];
  afterAll(async () => {
    await Promise.all([oldDb.destroy(), newDb.destroy(), store.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const add = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) await store.append(`s-${i % 3}`, [anEvent('Added', { amount: i })], { expectedLastIndex: 'any' });
  };

  it('is never skipped ahead: the old instance gives the projections up, the new one replays the whole log', async () => {
    const older = new ProjectionRunner(store, oldDb, [totals], 50);
    await older.migrate();
    await add(1, 120);
    await older.catchUp();
    const newer = new ProjectionRunner(store, newDb, [{ ...totals, version: 2 }], 50);
    await newer.migrate(); // drops the tables and resets the checkpoint under the older leader
    await add(121, 150);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await older.takeLeadership()).toBe(true);
    await older.catchUp();
    expect(older.isLeading()).toBe(false);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('read models totals were rebuilt for another version'));
    const [reset] = await newDb.selectFrom('projection_checkpoints').select('position').where('name', '=', 'totals').execute();
    expect(String(reset.position)).toBe('0');
    await newer.catchUp();
    const rows = await newDb.selectFrom('totals').select(['stream', 'events']).orderBy('stream').execute();
    expect(rows).toEqual([0, 1, 2].map((rest) => ({ stream: `s-${rest}`, events: 50 })));
    expect(newer.slowestPosition()).toBe(150n);
  });
});
