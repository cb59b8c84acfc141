import { CompiledQuery } from 'kysely';
import type { ReadModelTransaction } from './projection.js';
import { type RowCondition, keyGroups, keyMatch, storedRowsWhere } from './row-lookups.js';
import { placeholders, quoted, textOf } from './sql-texts.js';
import { byColumnSet, statementSizes } from './statement-sizes.js';
import { CombinedWrites } from './combined-writes.js';

export type Row = Record<string, unknown>;

/**
 * Writes, reads and deletes rows by key in bulk, in the page's transaction: a multi-row
 * INSERT … ON CONFLICT DO UPDATE per table and column set instead of a statement per row.
 */
export class RowStatements {
  private group: number;

  /** `writes`: where the page's inserts go (CombinedWrites); without it, each runs at once. */
  constructor(
    private readonly trx: ReadModelTransaction,
    private readonly numbered: boolean,
    private readonly writes = new CombinedWrites(trx, false),
  ) {
    this.group = writes.newGroup();
  }

  /** The writes from here on touch rows the ones before may have touched too (CombinedWrites' groups). */
  startGroup(): void {
    this.group = this.writes.newGroup();
  }

  /** Inserts the rows, replacing those with the same key: one statement per column set (and size). */
  async upsertAll(table: string, keys: readonly string[], rows: Row[]): Promise<void> {
    for (const same of byColumnSet(rows)) await this.upsert(table, keys, same);
  }

  /** Inserts the rows, replacing those with the same key; every row has the same columns. */
  upsert(table: string, keys: readonly string[], rows: Row[]): Promise<void> {
    return this.insert('upsert', table, keys, rows, (others) =>
      others.length === 0 ? 'do nothing' : `do update set ${others.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}`,
    );
  }

  /** Inserts the rows whose key is still free and leaves the stored ones as they are (one statement per column set and size). */
  async insertAbsentAll(table: string, keys: readonly string[], rows: Row[]): Promise<void> {
    this.startGroup();
    for (const same of byColumnSet(rows)) await this.insert('insert-absent', table, keys, same, () => 'do nothing');
  }

  /** A statement of the caller's own in the page's transaction. */
  async run(statement: (trx: ReadModelTransaction) => Promise<unknown>): Promise<unknown> {
    await this.writes.before();
    return statement(this.trx);
  }

  /**
   * Adds each row's amounts to the stored row with its key, or inserts the row as it is: a counter
   * moves without being read. Each key is given once (one statement per column set and size).
   */
  async incrementAll(table: string, keys: readonly string[], rows: Row[]): Promise<void> {
    for (const same of byColumnSet(rows)) {
      await this.insert('increment', table, keys, same, (amounts) =>
        amounts.length === 0
          ? 'do nothing'
          : `do update set ${amounts.map((c) => `${quoted(c)} = ${quoted(table)}.${quoted(c)} + excluded.${quoted(c)}`).join(', ')}`,
      );
    }
  }

  /** A multi-row INSERT of rows with the same columns, in statements of statementSizes; `onConflict` gets the columns besides the key. */
  private async insert(
    verb: string,
    table: string,
    keys: readonly string[],
    rows: Row[],
    onConflict: (others: string[]) => string,
  ): Promise<void> {
    const columns = Object.keys(rows[0]);
    const others = columns.filter((c) => !keys.includes(c));
    let done = 0;
    for (const size of statementSizes(rows.length, columns.length)) {
      const text = textOf(`${verb}|${this.numbered}|${table}|${columns}|${size}`, () => {
        const p = placeholders(this.numbered);
        const values = Array.from({ length: size }, () => `(${columns.map(p).join(', ')})`).join(', ');
        return `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${values} on conflict (${keys.map(quoted).join(', ')}) ${onConflict(others)}`;
      });
      const parameters = rows.slice(done, done + size).flatMap((row) => columns.map((c) => row[c] ?? null));
      await this.writes.write(table, this.group, CompiledQuery.raw(text, parameters));
      done += size;
    }
  }

  /** The stored rows with these keys (absent ones are left out), whole or only the columns named. */
  async select(table: string, keys: readonly string[], wanted: Row[], columns?: readonly string[]): Promise<Row[]> {
    const found: Row[] = [];
    await this.byKeys(columns ? `select ${columns.map(quoted).join(', ')}` : 'select *', table, keys, wanted, (rows) =>
      found.push(...rows),
    );
    return found;
  }

  /** The stored rows whose columns equal `where` (and meet `condition`). */
  async where(table: string, where: Row, condition?: RowCondition): Promise<Row[]> {
    await this.writes.before(table);
    return storedRowsWhere(this.trx, this.numbered, table, where, condition);
  }

  async delete(table: string, keys: readonly string[], gone: Row[]): Promise<void> {
    await this.byKeys('delete', table, keys, gone, () => undefined);
  }

  private async byKeys(verb: string, table: string, keys: readonly string[], wanted: Row[], take: (rows: Row[]) => void): Promise<void> {
    await this.writes.before(table);
    for (const { fixed, varying, rows } of keyGroups(keys, wanted)) {
      let done = 0;
      for (const size of statementSizes(rows.length, 1)) {
        const text = textOf(
          `${verb}|${this.numbered}|${table}|${fixed}|${varying}|${size}`,
          () => `${verb} from ${quoted(table)} where ${keyMatch(fixed, varying, size, this.numbered)}`,
        );
        const batch = rows.slice(done, done + size);
        const parameters = [...fixed.map((column) => batch[0][column]), ...batch.map((key) => key[varying])];
        take((await this.trx.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows);
        done += size;
      }
    }
  }
}
