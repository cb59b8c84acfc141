import type Database from 'better-sqlite3';

/** The values of one event's row, in the order of the INSERT's columns. */
const COLUMNS = ['stream', 'revision', 'type', 'schema_version', 'data', 'metadata', 'occurred_at', 'prev_hash', 'hash'] as const;

/** Rows per statement, largest first: an append of n events runs one statement per set bit of n (100 → 64 + 32 + 4). */
const ROWS_PER_STATEMENT = [64, 32, 16, 8, 4, 2, 1];

/**
 * An append's rows written with a few multi-row INSERTs rather than one statement per event: each
 * run is a call from JavaScript into SQLite with its own binding and step, and a batch of a hundred
 * events paid that a hundred times. Seven statements at most, each prepared once.
 */
export class SqliteEventInserts {
  private readonly statements = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Inserts the rows (each COLUMNS.length values, one after another); the last one's position. */
  insert(values: unknown[]): bigint {
    const rows = values.length / COLUMNS.length;
    let position = 0n;
    for (let done = 0; done < rows;) {
      const size = ROWS_PER_STATEMENT.find((n) => n <= rows - done) ?? 1;
      const part = size === rows ? values : values.slice(done * COLUMNS.length, (done + size) * COLUMNS.length);
      position = this.statementOf(size).run(part).lastInsertRowid as bigint;
      done += size;
    }
    return position;
  }

  private statementOf(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${COLUMNS.map(() => '?').join(', ')})`;
      const sql = `INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
      // Positions can pass 2^53: the last row's comes back as a bigint.
      statement = this.db.prepare(sql).safeIntegers(true);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
