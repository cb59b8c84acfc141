import { type CompiledQuery, sql } from 'kysely';
import { PageRows, type RowCondition } from './page-rows.js';
import type { ReadModelDb } from './projection.js';
import { statementSizes } from './statement-sizes.js';
import { CombinedWrites } from './combined-writes.js';
import { PAGE_TABLE_KEYS as KEYS, pageTablesPerCase } from './page-tables.spec-fixtures.js';

const schema = `cf_page_rows_${process.pid}`;

/** A page as the runner writes it: on PostgreSQL its writes held and sent as one statement at the end (CombinedWrites). */
const page = (db: ReadModelDb, work: (rows: PageRows) => Promise<void>): Promise<void> =>
  db.transaction().execute(async (trx) => {
    const writes = CombinedWrites.of(trx);
    const rows = new PageRows(trx, KEYS, 1n, undefined, writes);
    await work(rows);
    await rows.flush();
    await writes.send();
  });

describe('the rows of a page', () => {
  let db: ReadModelDb;

  pageTablesPerCase(schema, (opened) => (db = opened));

  it('lets each event see what the events before it in the page wrote, and writes the last of it', async () => {
    await page(db, async (rows) => {
      rows.put('notes', { id: 1, text: 'first', project_id: 'p' });
      expect(await rows.get('notes', { id: 1 })).toEqual({ id: 1, text: 'first', project_id: 'p' });
      rows.put('notes', { ...(await rows.get('notes', { id: 1 }))!, text: 'second' });
      rows.put('notes', { id: 2, text: 'gone', project_id: 'p' });
      rows.delete('notes', { id: 2 });
    });
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([{ id: 1, text: 'second', project_id: 'p' }]);
  });

  it("runs work asked for at the page's end once per key, after its last event and before its rows are written", async () => {
    const ran: string[] = [];
    await page(db, async (rows) => {
      for (const text of ['a', 'b', 'c']) {
        rows.put('notes', { id: 1, text, project_id: 'p' });
        rows.atPageEnd('summary', async () => {
          ran.push(text);
          const note = await rows.get<{ text: string }>('notes', { id: 1 });
          rows.put('notes', { id: 2, text: `last was ${note?.text}`, project_id: 'p' });
        });
      }
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['a']);
    expect(await db.selectFrom('notes').select(['id', 'text']).orderBy('id').execute()).toEqual([
      { id: 1, text: 'c' },
      { id: 2, text: 'last was c' },
    ]);
  });

  it('reads stored rows once, deletes stored rows, and adds to counters from what is stored', async () => {
    await db
      .insertInto('notes')
      .values([
        { id: 1, text: 'a', project_id: 'p' },
        { id: 2, text: 'b', project_id: 'q' },
      ])
      .execute();
    await db.insertInto('tallies').values({ project_id: 'p', counter: 'hours', value: 1.5 }).execute();
    await page(db, async (rows) => {
      expect(await rows.getMany('notes', [{ id: 1 }, { id: 3 }])).toEqual([{ id: 1, text: 'a', project_id: 'p' }, undefined]);
      rows.delete('notes', { id: 1 });
      expect(await rows.get('notes', { id: 1 })).toBeUndefined();
      await rows.add('tallies', { project_id: 'p', counter: 'hours' }, 'value', 0.25);
      await rows.add('tallies', { project_id: 'p', counter: 'hours' }, 'value', 0.25);
      await rows.add('tallies', { project_id: 'q', counter: 'hours' }, 'value', 3);
    });
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([{ id: 2, text: 'b', project_id: 'q' }]);
    expect(await db.selectFrom('tallies').selectAll().orderBy('project_id').execute()).toEqual([
      { project_id: 'p', counter: 'hours', value: 2 },
      { project_id: 'q', counter: 'hours', value: 3 },
    ]);
  });

  it('moves counters it has not read without reading them, and shows the moves to a later read', async () => {
    await db
      .insertInto('tallies')
      .values([
        { project_id: 'p', counter: 'hours', value: 1 },
        { project_id: 'p', counter: 'days', value: 5 },
      ])
      .execute();
    const statements: string[] = [];
    await db.transaction().execute(async (trx) => {
      const executeQuery = trx.executeQuery.bind(trx);
      trx.executeQuery = ((query: Parameters<typeof executeQuery>[0]) => {
        statements.push((query as CompiledQuery).sql.split(' ')[0]);
        return executeQuery(query);
      }) as typeof trx.executeQuery;
      const rows = new PageRows(trx, KEYS, 1n);
      await rows.add('tallies', { project_id: 'p', counter: 'hours' }, 'value', 2);
      await rows.add('tallies', { project_id: 'p', counter: 'hours' }, 'value', 0.5);
      await rows.add('tallies', { project_id: 'q', counter: 'hours' }, 'value', 4);
      await rows.add('tallies', { project_id: 'p', counter: 'days' }, 'value', 1);
      rows.put('tallies', { project_id: 'p', counter: 'days', value: 10 });
      await rows.flush();
      expect(statements).toEqual(['insert', 'insert']);
      await rows.add('tallies', { project_id: 'q', counter: 'hours' }, 'value', 1);
      expect(await rows.find('tallies', { counter: 'hours' })).toEqual(
        expect.arrayContaining([
          { project_id: 'p', counter: 'hours', value: 3.5 },
          { project_id: 'q', counter: 'hours', value: 5 },
        ]),
      );
      await rows.flush();
    });
    expect(await db.selectFrom('tallies').selectAll().orderBy('project_id').orderBy('counter').execute()).toEqual([
      { project_id: 'p', counter: 'days', value: 10 },
      { project_id: 'p', counter: 'hours', value: 3.5 },
      { project_id: 'q', counter: 'hours', value: 5 },
    ]);
  });

  it('finds rows by their columns as the page has left them, stored or new', async () => {
    await db
      .insertInto('notes')
      .values([
        { id: 1, text: 'a', project_id: 'p' },
        { id: 2, text: 'b', project_id: 'p' },
        { id: 3, text: 'c', project_id: 'p' },
      ])
      .execute();
    await page(db, async (rows) => {
      rows.put('notes', { id: 2, text: 'b', project_id: 'q' });
      rows.delete('notes', { id: 3 });
      rows.put('notes', { id: 4, text: 'd', project_id: 'p' });
      const found = await rows.find(
        'notes',
        { project_id: 'p' },
        { sql: (q) => q.where('text', '<>', 'z'), holds: (row) => row.text !== 'z' },
      );
      expect(found.map((row) => row.id).sort()).toEqual([1, 4]);
    });
  });

  it('finds rows the page moves between looked-up values after it first looked, and rows whose column is null', async () => {
    await db
      .insertInto('notes')
      .values([
        { id: 1, text: 'a', project_id: null },
        { id: 2, text: 'b', project_id: 'p' },
      ])
      .execute();
    await page(db, async (rows) => {
      const ids = async (where: Record<string, unknown>) => (await rows.find('notes', where)).map((row) => row.id).sort();
      expect(await ids({ project_id: 'p' })).toEqual([2]);
      expect(await ids({ project_id: null })).toEqual([1]);
      rows.put('notes', { id: 3, text: 'c', project_id: 'p' });
      rows.put('notes', { id: 1, text: 'a', project_id: 'p' });
      expect(await ids({ project_id: 'p' })).toEqual([1, 2, 3]);
      rows.put('notes', { id: 3, text: 'c', project_id: 'q' });
      rows.delete('notes', { id: 2 });
      expect(await ids({ project_id: 'p' })).toEqual([1]);
      expect(await ids({ project_id: 'q' })).toEqual([3]);
      expect(await ids({ project_id: null })).toEqual([]);
      expect(await ids({ project_id: 'p', text: 'a' })).toEqual([1]);
    });
  });

  it('finds a stored row again as it found it the first time, though SQL compared a value of another type', async () => {
    await db.insertInto('notes').values({ id: 1, text: 'a', project_id: '5' }).execute();
    await page(db, async (rows) => {
      // PostgreSQL takes the 5 for text and finds the row; SQLite binds it as a number and does not.
      const first = (await rows.find('notes', { project_id: 5 })).map((row) => row.id);
      expect(first).toEqual(process.env.EVENT_STORE === 'postgres' ? [1] : []);
      expect((await rows.find('notes', { project_id: 5 })).map((row) => row.id)).toEqual(first);
    });
  });

  it("answers a look for rows made since one of the page's events from the page's rows alone, and asks the database otherwise", async () => {
    // Note ids stand for the position of the event that made the note; the page starts at 10.
    await db
      .insertInto('notes')
      .values([
        { id: 5, text: 'stored', project_id: 'p' },
        { id: 20, text: 'stored against the premise, to see who answers', project_id: 'p' },
      ])
      .execute();
    const madeSince = (position: number) => ({
      sql: (query: Parameters<RowCondition['sql']>[0]) => query.where('id', '>=', position),
      holds: (row: Record<string, unknown>) => Number(row.id) >= position,
    });
    const texts = (found: { text: string }[]) => found.map((row) => row.text).sort();
    await db.transaction().execute(async (trx) => {
      const rows = new PageRows(trx, KEYS, 10n);
      rows.put('notes', { id: 12, text: 'made in the page', project_id: 'p' });
      rows.put('notes', { id: 13, text: 'of another project', project_id: 'q' });
      expect(texts(await rows.findMadeSince('notes', { project_id: 'p' }, madeSince(11), 11))).toEqual(['made in the page']);
      expect(texts(await rows.findMadeSince('notes', { project_id: 'p' }, madeSince(13), 13))).toEqual([]);
      expect(texts(await rows.findMadeSince('notes', { project_id: 'p' }, madeSince(4), 4))).toEqual([
        'made in the page',
        'stored',
        'stored against the premise, to see who answers',
      ]);
    });
  });

  it("inserts a shared table's rows only where their key is free, then runs its statements in order, after the page's own rows", async () => {
    await db.insertInto('notes').values({ id: 1, text: 'moved by another process', project_id: 'p' }).execute();
    let tallied: unknown[] = [];
    await page(db, async (rows) => {
      rows.insertIfAbsent('notes', { id: 1, text: 'new', project_id: 'p' });
      rows.insertIfAbsent('notes', { id: 2, text: 'new', project_id: 'p' });
      rows.insertIfAbsent('notes', { id: 2, text: 'again', project_id: 'p' });
      rows.put('tallies', { project_id: 'p', counter: 'notes', value: 2 });
      rows.afterWrite('notes', (trx) => trx.updateTable('notes').set({ text: 'then changed' }).where('text', '=', 'new').execute());
      rows.afterWrite('tallies', async (trx) => (tallied = await trx.selectFrom('tallies').select('value').execute()));
      rows.afterWrite('notes', (trx) => trx.updateTable('notes').set({ project_id: 'q' }).where('text', '=', 'then changed').execute());
    });
    expect(await db.selectFrom('notes').selectAll().orderBy('id').execute()).toEqual([
      { id: 1, text: 'moved by another process', project_id: 'p' },
      { id: 2, text: 'then changed', project_id: 'q' },
    ]);
    expect(tallied).toEqual([{ value: 2 }]);
  });

  it('writes many rows in statements of a power of two rows each', async () => {
    expect(statementSizes(300, 3)).toEqual([256, 32, 8, 4]);
    expect(statementSizes(7, 3)).toEqual([7]);
    expect(statementSizes(19, 3)).toEqual([16, 2, 1]);
    expect(statementSizes(5_000, 200)).toEqual([...Array<number>(39).fill(128), 8]);
    await page(db, async (rows) => {
      for (let id = 1; id <= 300; id++) rows.put('notes', { id, text: `n${id}`, project_id: 'p' });
    });
    const counted = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
    expect(Number(counted.rows[0].n)).toBe(300);
  });
});
