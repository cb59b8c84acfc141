import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { anEvent } from './contract/contract-context.js';
import type { Projection, ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { openSqliteReadModels } from './read-model-db.js';

/** Each stream's total, its row looked up by key and written whole. */
const totals = (writtenElsewhere?: string[]): Projection => ({
  name: 'totals',
  tables: ['totals'],
  keys: { totals: ['stream'] },
  writtenElsewhere,
  migrate: async (db) => {
    await db.schema
      .createTable('totals')
      .ifNotExists()
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull())
      .execute();
  },
  project: async (rows, event) => {
    const row = await rows.get<{ total: number }>('totals', { stream: event.stream });
    rows.put('totals', { stream: event.stream, total: (row?.total ?? 0) + (event.data.amount as number) });
  },
});

/** Applied after `totals` in the same page: fails the page once on an amount of 13, after totals wrote its rows. */
const failingOnce = (failOnce: { armed: boolean }): Projection => ({
  name: 'failing',
  tables: [],
  keys: {},
  migrate: async () => undefined,
  project: async (_rows, event) => {
    if (event.data.amount === 13 && failOnce.armed) {
      failOnce.armed = false;
      throw new Error('13 refused once');
    }
  },
});

/** 'Counted' moves a stream's counter without reading it; 'Looked' only looks its row up by key. */
const counts = (writtenElsewhere?: string[]): Projection => ({
  name: 'counts',
  tables: ['counts'],
  keys: { counts: ['stream'] },
  writtenElsewhere,
  migrate: async (db) => {
    await db.schema
      .createTable('counts')
      .ifNotExists()
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
  },
  project: async (rows, event) => {
    if (event.type === 'Looked') await rows.get('counts', { stream: event.data.stream as string });
    else if (event.type === 'Counted') await rows.add('counts', { stream: event.data.stream as string }, 'n', 1);
    else rows.insertIfAbsent('counts', { stream: event.data.stream as string, n: 0 });
  },
});

const added = (amount: number) => anEvent('Added', { amount });

describe('rows kept between pages', () => {
  let store: SqliteEventStore;
  let db: ReadModelDb;
  const runners: ProjectionRunner[] = [];
  const runner = async (projections: Projection[]): Promise<ProjectionRunner> => {
    const made = new ProjectionRunner(store, db, projections, 2);
    await made.migrate();
    runners.push(made);
    return made;
  };
  const append = (amount: number) => store.append('s', [added(amount)], { expectedLastIndex: 'any' });
  const stored = () => db.selectFrom('totals').selectAll().execute();
  /** Changes the stored row as no runner would, leaving every checkpoint where it is. */
  const changeBehindItsBack = () => db.updateTable('totals').set({ total: 1000 }).execute();

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    db = openSqliteReadModels(':memory:');
  });
  afterEach(async () => {
    for (const made of runners.splice(0)) await made.stop();
    await db.destroy();
    await store.close();
  });

  it('answers a row looked up in an earlier page from memory while the checkpoint is where the runner left it', async () => {
    const only = await runner([totals()]);
    for (const amount of [1, 2]) await append(amount);
    await only.catchUp();
    await changeBehindItsBack();
    await append(4);
    await only.catchUp();
    expect(await stored()).toEqual([{ stream: 's', total: 7 }]);
  });

  it('reads the database again once another runner moved the checkpoint (a second instance led meanwhile)', async () => {
    const first = await runner([totals()]);
    for (const amount of [1, 2]) await append(amount);
    await first.catchUp();
    const second = await runner([totals()]);
    await append(4);
    await second.catchUp();
    await append(8);
    await first.catchUp();
    expect(await stored()).toEqual([{ stream: 's', total: 15 }]);
  });

  it('keeps nothing of a page whose transaction rolled back', async () => {
    const failOnce = { armed: true };
    const both = await runner([totals(), failingOnce(failOnce)]);
    for (const amount of [1, 2]) await append(amount);
    await both.catchUp();
    for (const amount of [4, 13]) await append(amount);
    await expect(both.catchUp()).rejects.toThrow('13 refused once');
    expect(await stored()).toEqual([{ stream: 's', total: 3 }]);
    await both.catchUp();
    expect(await stored()).toEqual([{ stream: 's', total: 20 }]);
  });

  it('moves a counter kept from an earlier page, or known there to be missing, from what it holds', async () => {
    const only = await runner([counts()]);
    const steps: Array<[string, string]> = [
      ['Counted', 's'],
      ['Counted', 's'],
      ['Looked', 's'],
      ['Looked', 't'],
      ['Counted', 's'],
      ['Counted', 't'],
      ['Counted', 's'],
      ['Counted', 't'],
    ];
    for (const [type, stream] of steps) await store.append('c', [anEvent(type, { stream })], { expectedLastIndex: 'any' });
    await only.catchUp();
    expect(await db.selectFrom('counts').selectAll().orderBy('stream').execute()).toEqual([
      { stream: 's', n: 4 },
      { stream: 't', n: 2 },
    ]);
  });

  it('refuses a page that writes a table past its rows unless the projection says another process writes it', async () => {
    await store.append('c', [anEvent('Inserted', { stream: 's' })], { expectedLastIndex: 'any' });
    await expect((await runner([counts()])).catchUp()).rejects.toThrow("counts is written past the page's rows");
    await (await runner([counts(['counts'])])).catchUp();
    expect(await db.selectFrom('counts').selectAll().execute()).toEqual([{ stream: 's', n: 0 }]);
  });

  it('never keeps the rows of a table another process writes too', async () => {
    const shared = await runner([totals(['totals'])]);
    for (const amount of [1, 2]) await append(amount);
    await shared.catchUp();
    await changeBehindItsBack();
    await append(4);
    await shared.catchUp();
    expect(await stored()).toEqual([{ stream: 's', total: 1004 }]);
  });
});
