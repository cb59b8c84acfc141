import type { Projection, ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { migrateTotalsTable, totals } from './projection.spec-fixtures.js';
import { added, runnerPerCase } from './projection-runner.spec-fixtures.js';

/** A row per event, under another name and table, refusing the amount 13. */
const picky: Projection = {
  name: 'picky',
  tables: ['picky'],
  keys: { picky: ['position'] },
  migrate: async (db) => {
    await db.schema
      .createTable('picky')
      .ifNotExists()
      .addColumn('position', 'text', (c) => c.primaryKey())
      .execute();
  },
  project: async (rows, event) => {
    if (event.data.amount === 13) throw new Error('13 refused');
    rows.put('picky', { position: event.position.toString() });
  },
};

/** Totals again, each row read and written whole; it refuses 13 too. */
const pageTotals: Projection = {
  name: 'page-totals',
  tables: ['page_totals'],
  keys: { page_totals: ['stream'] },
  migrate: (db) => migrateTotalsTable(db, 'page_totals'),
  project: async (rows, event) => {
    if (event.data.amount === 13) throw new Error('13 refused');
    const row = await rows.get<{ total: number; events: number }>('page_totals', { stream: event.stream });
    rows.put('page_totals', {
      stream: event.stream,
      total: (row?.total ?? 0) + (event.data.amount as number),
      events: (row?.events ?? 0) + 1,
    });
  },
};

const rows = (db: ReadModelDb) => db.selectFrom('totals').selectAll().orderBy('stream').execute();

describe('ProjectionRunner', () => {
  const each = runnerPerCase();
  let { store, db, runner } = each;
  beforeEach(() => ({ store, db, runner } = each));

  it('applies every event once, page by page, and moves the checkpoint with the rows', async () => {
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 3}`, [added(i)], { expectedLastIndex: 'any' });
    expect(await runner.catchUp()).toBe(20);
    expect(await runner.catchUp()).toBe(0);
    expect(await rows(db)).toEqual([
      { stream: 's-0', total: 63, events: 6 },
      { stream: 's-1', total: 70, events: 7 },
      { stream: 's-2', total: 77, events: 7 },
    ]);
    expect(runner.status()).toEqual([{ name: 'totals', position: 20n }]);
  });

  it('reads the log once per page: a short page ends a catch-up without reading again', async () => {
    for (let i = 1; i <= 20; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    const readAll = store.readAll.bind(store);
    const pages: number[] = [];
    store.readAll = async (options) => {
      const page = await readAll(options);
      pages.push(page.length);
      return page;
    };
    expect(await runner.catchUp()).toBe(20);
    expect(pages).toEqual([7, 7, 6]);
  });

  it('gives the event loop a turn between pages: on SQLite, synchronous underneath, a long catch-up would hold it to the end', async () => {
    // Each event takes 60 ms of work that never waits, as a page of thousands does.
    const busy: Projection = {
      ...totals,
      project: (rows, event) => {
        const until = performance.now() + 60;
        while (performance.now() < until);
        return totals.project(rows, event);
      },
    };
    const slow = new ProjectionRunner(store, db, [busy], 1);
    await slow.migrate();
    for (let i = 1; i <= 8; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    // What an HTTP request arriving meanwhile would be: a macrotask, run at the event loop's next turn.
    let appliedWhenTheLoopTurned: bigint | undefined;
    setImmediate(() => (appliedWhenTheLoopTurned = slow.slowestPosition()));
    expect(await slow.catchUp()).toBe(8);
    expect(appliedWhenTheLoopTurned).toBeLessThan(8n);
    await slow.stop();
  });

  it('rebuilds from zero into identical tables', async () => {
    for (let i = 1; i <= 30; i++) await store.append(`s-${i % 4}`, [added(i)], { expectedLastIndex: 'any' });
    await runner.catchUp();
    const live = await rows(db);
    await runner.reset('totals');
    expect(await rows(db)).toEqual([]);
    await runner.catchUp();
    expect(await rows(db)).toEqual(live);
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.append('s-1', [added(5)], { expectedLastIndex: 'any' });
    await runner.catchUp();
    await store.append('s-1', [added(6)], { expectedLastIndex: 'any' });
    const restarted = new ProjectionRunner(store, db, [totals]);
    await restarted.migrate();
    await restarted.catchUp();
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 11, events: 2 }]);
  });

  it('never applies an event twice when two runners share the read models', async () => {
    for (let i = 1; i <= 10; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    const second = new ProjectionRunner(store, db, [totals], 3);
    await second.migrate();
    await Promise.all([runner.catchUp(), second.catchUp()]);
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 55, events: 10 }]);
  });

  it('lets a writer wait until the read models have applied its position', async () => {
    await runner.start();
    const { position } = await store.append('s-1', [added(9)], { expectedLastIndex: 'any' });
    expect(await runner.waitFor(position)).toBe(true);
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 9, events: 1 }]);
    expect(await runner.waitFor(position + 5n, 100)).toBe(false);
  });

  it('applies a page to every projection in one transaction: when one fails, none moves on', async () => {
    const both = new ProjectionRunner(store, db, [totals, picky], 7);
    await both.migrate();
    for (let i = 1; i <= 20; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    await expect(both.catchUp()).rejects.toThrow('13 refused');
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 28, events: 7 }]);
    expect(both.status()).toEqual([
      { name: 'totals', position: 7n },
      { name: 'picky', position: 7n },
    ]);
    const restarted = new ProjectionRunner(store, db, [totals, picky], 7);
    await restarted.migrate();
    expect(restarted.status()).toEqual(both.status());
  });

  it("writes a page's rows with its checkpoint, or neither when the page fails", async () => {
    const both = new ProjectionRunner(store, db, [totals, pageTotals], 7);
    await both.migrate();
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 2}`, [added(i)], { expectedLastIndex: 'any' });
    await expect(both.catchUp()).rejects.toThrow('13 refused');
    const pageRows = await db.selectFrom('page_totals').selectAll().orderBy('stream').execute();
    expect(pageRows).toEqual(await rows(db));
    expect(pageRows).toEqual([
      { stream: 's-0', total: 12, events: 3 },
      { stream: 's-1', total: 16, events: 4 },
    ]);
    expect(both.status()).toEqual([
      { name: 'totals', position: 7n },
      { name: 'page-totals', position: 7n },
    ]);
  });

  it('rebuilds one projection while the others stay where they are', async () => {
    const both = new ProjectionRunner(store, db, [picky, totals], 4);
    await both.migrate();
    for (let i = 1; i <= 10; i++) await store.append(`s-${i % 2}`, [added(i)], { expectedLastIndex: 'any' });
    await both.catchUp();
    const live = await rows(db);
    await both.reset('totals');
    expect(await both.catchUp()).toBe(10);
    expect(await rows(db)).toEqual(live);
    expect(
      await db
        .selectFrom('picky')
        .select(({ fn }) => fn.countAll().as('count'))
        .executeTakeFirst(),
    ).toEqual({ count: 10 });
    expect(both.status()).toEqual([
      { name: 'picky', position: 10n },
      { name: 'totals', position: 10n },
    ]);
  });

  it('rebuilds a projection from the log when its version changes, and only then', async () => {
    for (const amount of [1, 2, 3]) await store.append('s-1', [added(amount)], { expectedLastIndex: 'any' });
    await runner.catchUp();
    await db.updateTable('totals').set({ total: 99 }).execute();
    const again = new ProjectionRunner(store, db, [totals], 7);
    await again.migrate();
    await again.catchUp();
    expect((await rows(db))[0]).toMatchObject({ total: 99 });
    const newer = new ProjectionRunner(store, db, [{ ...totals, version: 2 }], 7);
    await newer.migrate();
    expect(await rows(db)).toEqual([]);
    await newer.catchUp();
    expect(await rows(db)).toEqual([{ stream: 's-1', total: 6, events: 3 }]);
  });

  it('tells its observer how many events each projection applied', async () => {
    const applied = new Map<string, number>();
    const observer = { applied: (name: string, events: number) => applied.set(name, (applied.get(name) ?? 0) + events) };
    const observed = new ProjectionRunner(store, db, [totals, picky], 4, undefined, observer);
    await observed.migrate();
    for (let i = 1; i <= 6; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    await observed.catchUp();
    expect(Object.fromEntries(applied)).toEqual({ totals: 6, picky: 6 });
    await store.append('s-1', [added(7)], { expectedLastIndex: 'any' });
    await observed.catchUp();
    expect(Object.fromEntries(applied)).toEqual({ totals: 7, picky: 7 });
  });
});
