import { sql } from 'kysely';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import type { Projection, ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { openSqliteReadModels } from './read-model-db.js';

const totals: Projection = {
  name: 'totals',
  tables: ['totals'],
  migrate: async (db) => {
    await db.schema.createTable('totals').ifNotExists()
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('events', 'integer', (c) => c.notNull())
      .execute();
  },
  apply: async (trx, event) => {
    await trx.insertInto('totals')
      .values({ stream: event.stream, total: event.data.amount as number, events: 1 })
      .onConflict((oc) => oc.column('stream').doUpdateSet({
        total: sql`totals.total + excluded.total`,
        events: sql`totals.events + 1`,
      }))
      .execute();
  },
};

const rows = (db: ReadModelDb) => db.selectFrom('totals').selectAll().orderBy('stream').execute();
const added = (amount: number) => ({
  type: 'Added',
  data: { amount },
  metadata: { actor: { userId: 'u', name: 'U' }, occurredAt: new Date().toISOString(), correlationId: 'c' },
});

describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: ReadModelDb;
  let runner: ProjectionRunner;
  beforeEach(async () => {
    store = new SqliteEventStore({ file: ':memory:' });
    db = openSqliteReadModels(':memory:');
    runner = new ProjectionRunner(store, db, [totals], 7);
    await runner.migrate();
  });
  afterEach(async () => {
    await runner.stop();
    await db.destroy();
    await store.close();
  });

  it('applies every event once, page by page, and moves the checkpoint with the rows', async () => {
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 3}`, [added(i)], { expectedRevision: 'any' });
    expect(await runner.catchUp()).toBe(20);
    expect(await runner.catchUp()).toBe(0);
    expect(await rows(db)).toEqual([
      { stream: 's-0', total: 63, events: 6 },
      { stream: 's-1', total: 70, events: 7 },
      { stream: 's-2', total: 77, events: 7 },
    ]);
    expect(runner.status()).toEqual([{ name: 'totals', position: 20n }]);
  });

  it('rebuilds from zero into identical tables', async () => {
    for (let i = 1; i <= 30; i++) await store.append(`s-${i % 4}`, [added(i)], { expectedRevision: 'any' });
    await runner.catchUp();
    const live = await rows(db);
    await runner.reset('totals');
    expect(await rows(db)).toEqual([]);
    await runner.catchUp();
    expect(await rows(db)).toEqual(live);
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.append('s-1', [added(5)], { expectedRevision: 'any' });
    await runner.catchUp();
    await store.append('s-1', [added(6)], { expectedRevision: 'any' });
    const restarted = new ProjectionRunner(store, db, [totals]);
    await restarted.migrate();
    await restarted.catchUp();
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 11, events: 2 }]);
  });

  it('never applies an event twice when two runners share the read models', async () => {
    for (let i = 1; i <= 10; i++) await store.append('s-1', [added(i)], { expectedRevision: 'any' });
    const second = new ProjectionRunner(store, db, [totals], 3);
    await second.migrate();
    await Promise.all([runner.catchUp(), second.catchUp()]);
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 55, events: 10 }]);
  });

  it('lets a writer wait until the read models have applied its position', async () => {
    await runner.start();
    const { position } = await store.append('s-1', [added(9)], { expectedRevision: 'any' });
    expect(await runner.waitFor(position)).toBe(true);
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 9, events: 1 }]);
    expect(await runner.waitFor(position + 5n, 100)).toBe(false);
  });
});
