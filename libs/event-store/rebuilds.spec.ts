import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { anEvent } from './contract/contract-context.js';
import type { ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { openSqliteReadModels } from './read-model-db.js';
import { REBUILDS_TABLE } from './rebuilds.js';
import { totals } from './projection.spec-fixtures.js';

/** How far a projection had come when it was dropped to be rebuilt, kept for what it derives again. */
describe('a projection rebuild', () => {
  let store: SqliteEventStore;
  let db: ReadModelDb;
  const runnerOf = async (version: number) => {
    const runner = new ProjectionRunner(store, db, [{ ...totals, version }]);
    await runner.migrate();
    return runner;
  };
  const replayedThrough = async () => (await db.selectFrom(REBUILDS_TABLE).selectAll().execute()) as unknown[];

  beforeEach(async () => {
    store = new SqliteEventStore({ file: ':memory:' });
    db = openSqliteReadModels(':memory:');
    for (let i = 1; i <= 3; i++) await store.append('s-1', [anEvent('Added', { amount: i })], { expectedLastIndex: 'any' });
  });
  afterEach(async () => {
    await db.destroy();
    await store.close();
  });

  it('records nothing for a projection built the first time', async () => {
    await (await runnerOf(1)).catchUp();
    expect(await replayedThrough()).toEqual([]);
  });

  it('records where a raised version found it, and keeps the furthest when a rebuild is cut short and reset again', async () => {
    await (await runnerOf(1)).catchUp();
    await runnerOf(2);
    expect(await replayedThrough()).toEqual([{ name: 'totals', replayed_through: '3' }]);
    await (await runnerOf(3)).reset('totals');
    expect(await replayedThrough()).toEqual([{ name: 'totals', replayed_through: '3' }]);
  });

  it('records no further than the log holds: events at positions of read models ahead of it are new', async () => {
    await (await runnerOf(1)).catchUp(); // the read models reach 3
    const lost = new SqliteEventStore({ file: ':memory:' }); // a log that lost its last event
    try {
      await lost.append('s-1', [anEvent('Added', { amount: 1 })], { expectedLastIndex: 'any' });
      await lost.append('s-1', [anEvent('Added', { amount: 2 })], { expectedLastIndex: 'any' });
      const restored = new ProjectionRunner(lost, db, [totals]);
      await restored.migrate();
      await restored.reset('totals');
      expect(await replayedThrough()).toEqual([{ name: 'totals', replayed_through: '2' }]);
    } finally {
      await lost.close();
    }
  });
});
