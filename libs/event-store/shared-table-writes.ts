import type { ReadModelTransaction } from './projection.js';
import { rowKey } from './row-lookups.js';
import type { Row, RowStatements } from './row-statements.js';

/** A statement a projection runs itself, in the page's transaction. */
export type SharedTableStatement = (trx: ReadModelTransaction) => Promise<unknown>;

/**
 * A page's writes to tables another process also changes (the webhook dispatcher moves each
 * delivery's state): their rows are never read into the page nor written back whole, for a row
 * kept in memory would undo what that process did meanwhile. They run when the page is written,
 * after its own rows: first the new rows, each only where its key is still free, then the
 * statements in the order the events asked for them (a statement may change a row inserted in the
 * same page; no row is inserted after a statement in the page that could have changed it).
 */
export class SharedTableWrites {
  private readonly absent = new Map<string, Map<string, Row>>();
  private readonly statements: SharedTableStatement[] = [];

  insertIfAbsent(table: string, keys: readonly string[], row: Row): void {
    let rows = this.absent.get(table);
    if (!rows) this.absent.set(table, (rows = new Map()));
    const id = rowKey(keys, row);
    if (!rows.has(id)) rows.set(id, row);
  }

  then(statement: SharedTableStatement): void {
    this.statements.push(statement);
  }

  async write(statements: RowStatements, keyColumns: (table: string) => readonly string[]): Promise<void> {
    for (const [table, rows] of this.absent) await statements.insertAbsentAll(table, keyColumns(table), [...rows.values()]);
    for (const statement of this.statements) await statements.run(statement);
    this.absent.clear();
    this.statements.length = 0;
  }
}
