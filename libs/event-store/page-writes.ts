import { CounterMoves, movedRow } from './counter-moves.js';
import type { KeptRows } from './kept-rows.js';
import type { PageEntries } from './page-entries.js';
import type { PageKeys } from './page-keys.js';
import type { Row, RowStatements } from './row-statements.js';
import { type SharedTableStatement, SharedTableWrites } from './shared-table-writes.js';

/**
 * PageRows' writes: rows the page puts and deletes are held until the end of the page, counter
 * moves on rows it has not read wait as increments (CounterMoves), and the tables another process
 * also writes get their own statements (SharedTableWrites). `write` sends them all, in bulk.
 */
export class PageWrites {
  private readonly moves = new CounterMoves();
  private readonly shared = new SharedTableWrites();

  constructor(
    private readonly held: PageEntries,
    private readonly statements: RowStatements,
    private readonly keys: PageKeys,
    private readonly kept?: KeptRows,
  ) {}

  put(table: string, row: Row): void {
    const id = this.keys.of(table, row);
    this.moves.forget(table, id);
    this.held.write(table, id, row);
  }

  delete(table: string, key: Row): void {
    const id = this.keys.of(table, key);
    this.moves.forget(table, id);
    this.held.write(table, id, undefined, key);
  }

  add(table: string, key: Row, column: string, amount: number): void {
    const id = this.keys.of(table, key);
    // A row kept from an earlier page is moved here, so its value stays known: only rows neither
    // held nor kept are moved by increments, and those are never kept.
    const entry = this.held.of(table).get(id) ?? this.kept?.get(table, id);
    if (entry) this.put(table, movedRow(this.keys.columns(table), entry.row, { ...key, [column]: amount }));
    else this.moves.move(table, id, key, column, amount);
  }

  /** The table's pending counter moves, taken out: the page is about to read it. */
  takeMoves(table: string): Row[] {
    return this.moves.take(table);
  }

  insertIfAbsent(table: string, row: Row): void {
    this.kept?.requireWrittenElsewhere(table);
    this.shared.insertIfAbsent(table, this.keys.columns(table), row);
  }

  afterWrite(table: string, statement: SharedTableStatement): void {
    this.kept?.requireWrittenElsewhere(table);
    this.shared.then(statement);
  }

  /** Writes what the page changed: deletions, then the rows written, many per statement, then the shared tables' writes. */
  async write(): Promise<void> {
    this.statements.startGroup();
    for (const [table, changed] of this.held.changed()) {
      const keys = this.keys.columns(table);
      const deleted = changed.flatMap((entry) => (!entry.row && entry.key ? [entry.key] : []));
      if (deleted.length > 0) await this.statements.delete(table, keys, deleted);
      await this.statements.upsertAll(
        table,
        keys,
        changed.flatMap((entry): Row[] => (entry.row ? [entry.row] : [])),
      );
    }
    // Increments never share a key with the rows above (a move on a held row is a put), but a key
    // spelt two ways (5 and '5') would: a group of their own keeps them out of one combined statement.
    this.statements.startGroup();
    await this.moves.write(this.statements, this.keys.columns);
    await this.shared.write(this.statements, this.keys.columns);
  }
}
