import { CompiledQuery } from 'kysely';
import { PageRows } from './page-rows.js';
import type { ReadModelDb, ReadModelTransaction } from './projection.js';
import { readCheckpoints, writeCheckpoints } from './checkpoints.js';
import { CombinedWrites } from './combined-writes.js';
import { PAGE_TABLE_KEYS as KEYS, pageTablesPerCase } from './page-tables.spec-fixtures.js';

const onPostgres = process.env.EVENT_STORE === 'postgres';
const schema = `cf_combined_writes_${process.pid}`;

/** A page's transaction whose statements are counted: what was sent, by its first word. */
const countedPage = (db: ReadModelDb, work: (trx: ReadModelTransaction, writes: CombinedWrites) => Promise<void>): Promise<string[]> =>
  db.transaction().execute(async (trx) => {
    const sent: string[] = [];
    const executeQuery = trx.executeQuery.bind(trx);
    trx.executeQuery = ((query: CompiledQuery) => {
      sent.push(query.sql.split(' ')[0]);
      return executeQuery(query);
    }) as typeof trx.executeQuery;
    const writes = CombinedWrites.of(trx);
    await work(trx, writes);
    await writes.send();
    return sent;
  });

describe("a page's writes, combined on PostgreSQL", () => {
  let db: ReadModelDb;

  pageTablesPerCase(schema, (opened) => (db = opened));

  it('sends the rows of two projections and their checkpoints as one statement on PostgreSQL, each at once on SQLite', async () => {
    const sent = await countedPage(db, async (trx, writes) => {
      const notes = new PageRows(trx, { notes: KEYS.notes }, 1n, undefined, writes);
      notes.put('notes', { id: 1, text: 'first' });
      notes.put('notes', { id: 2, text: 'second' });
      await notes.flush();
      const tallies = new PageRows(trx, { tallies: KEYS.tallies }, 1n, undefined, writes);
      await tallies.add('tallies', { project_id: 'p', counter: 'notes' }, 'value', 2);
      await tallies.flush();
      await writeCheckpoints(trx, ['notes', 'tallies'], 2n, writes);
    });
    expect(sent).toEqual(onPostgres ? ['with'] : ['insert', 'insert', 'insert']);
    // Each part's placeholders numbered on after the part before: every value lands in its column.
    expect(await db.selectFrom('notes').select(['id', 'text']).orderBy('id').execute()).toEqual([
      { id: 1, text: 'first' },
      { id: 2, text: 'second' },
    ]);
    expect(await db.selectFrom('tallies').selectAll().execute()).toEqual([{ project_id: 'p', counter: 'notes', value: 2 }]);
    expect(await readCheckpoints(db, ['notes', 'tallies'])).toEqual(
      new Map([
        ['notes', 2n],
        ['tallies', 2n],
      ]),
    );
  });

  it('sends what is held before a read of its table, so the read sees it; a read of another table sends nothing', async () => {
    const sent = await countedPage(db, async (trx, writes) => {
      const first = new PageRows(trx, KEYS, 1n, undefined, writes);
      first.put('notes', { id: 7, text: 'held' });
      await first.flush();
      const second = new PageRows(trx, KEYS, 1n, undefined, writes);
      expect(await second.get('tallies', { project_id: 'p', counter: 'notes' })).toBeUndefined();
      expect(await second.get('notes', { id: 7 })).toEqual({ id: 7, text: 'held', project_id: null });
    });
    expect(sent).toEqual(onPostgres ? ['select', 'insert', 'select'] : ['insert', 'select', 'select']);
  });

  it("sends one group's writes before another group writes the same table: the later row wins, not an error", async () => {
    const sent = await countedPage(db, async (trx, writes) => {
      for (const text of ['first projection', 'second projection']) {
        const rows = new PageRows(trx, KEYS, 1n, undefined, writes);
        rows.put('notes', { id: 3, text });
        await rows.flush();
      }
    });
    expect(sent).toEqual(['insert', 'insert']);
    expect(await db.selectFrom('notes').select('text').execute()).toEqual([{ text: 'second projection' }]);
  });

  it('keeps the order a page relies on: a find, a delete, a big statement and a shared insert after held writes of their table', async () => {
    await countedPage(db, async (trx, writes) => {
      const page = () => new PageRows(trx, KEYS, 1n, undefined, writes);
      const first = page();
      for (const id of [9, 10, 11]) first.put('notes', { id, text: 'held' });
      await first.flush();
      expect((await page().find<{ id: number }>('notes', { text: 'held' })).map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual([
        9, 10, 11,
      ]);
      const second = page();
      second.put('notes', { id: 100, text: 'held' });
      await second.flush();
      const deleting = page();
      deleting.delete('notes', { id: 9 });
      deleting.delete('notes', { id: 100 });
      await deleting.flush();
      const small = page();
      small.put('notes', { id: 12, text: 'small' });
      await small.flush();
      // Seventy rows of two columns (statements of 64, 4 and 2 rows) are too many to hold: sent at once, after the held ones.
      const big = page();
      for (let id = 11; id < 81; id++) big.put('notes', { id, text: 'big' });
      big.insertIfAbsent('notes', { id: 10, text: 'only if absent' });
      await big.flush();
    });
    const texts = await db
      .selectFrom('notes')
      .select(['id', 'text'])
      .where((eb) => eb.or([eb('id', '<', 13), eb('id', '=', 100)]))
      .orderBy('id')
      .execute();
    expect(texts.map((row) => `${row.id} ${row.text}`)).toEqual(['10 held', '11 big', '12 big']);
  });

  it.each([`insert into "tallies" ("counter") values ('$1')`, 'insert into "tallies" ("co$1") values ($1)'])(
    'refuses to combine %s, whose placeholders it could not renumber safely',
    async (text) => {
      const sent: string[] = [];
      const trx = { executeQuery: async (query: CompiledQuery) => sent.push(query.sql) } as unknown as ReadModelTransaction;
      const writes = new CombinedWrites(trx, true);
      await writes.write('notes', writes.newGroup(), CompiledQuery.raw('insert into "notes" ("id") values ($1)', [1]));
      await writes.write('tallies', writes.newGroup(), CompiledQuery.raw(text, [2]));
      await expect(writes.send()).rejects.toThrow(
        "the page's held writes to notes, tallies failed: a combined write must have no literals",
      );
      expect(sent).toEqual([]);
    },
  );
});
