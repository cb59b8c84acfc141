import type { Row } from './row-statements.js';

/** How many rows a projection keeps between pages; past it, those kept longest without a look go first. */
const MOST_ROWS_KEPT = 20_000;

/**
 * Rows of one projection kept between its pages, as its last committed page left them: the rows
 * its pages looked up by key, so the next page that looks again (a project's budget, a
 * commitment revised, a counter moved) reads memory instead of the database. Only this runner
 * writes a projection's tables, so what it committed is what is stored — while its checkpoint
 * is where this runner left it. Another writer (a second instance that led meanwhile, the CLI)
 * moves the checkpoint, and `validAt` then drops everything. Tables another process writes too
 * (`Projection.writtenElsewhere`) are never kept.
 */
export class KeptRows {
  private readonly tables = new Map<string, Map<string, Row | undefined>>();
  private size = 0;
  /** The checkpoint the kept rows belong to (undefined: nothing kept). */
  private position: bigint | undefined;

  constructor(private readonly writtenElsewhere: readonly string[] = []) {}

  /** Before a page is applied from `checkpoint` (as read in its transaction): kept rows of another checkpoint are dropped. */
  validAt(checkpoint: bigint): void {
    if (this.position === checkpoint) return;
    this.tables.clear();
    this.size = 0;
    this.position = undefined;
  }

  /**
   * A page writes `table` with statements of its own (insertIfAbsent, afterWrite), past its rows,
   * because another process writes it too: refused unless the projection says so, for its rows
   * would otherwise be kept as they were before those statements.
   */
  requireWrittenElsewhere(table: string): void {
    if (!this.writtenElsewhere.includes(table)) {
      throw new Error(
        `${table} is written past the page's rows (insertIfAbsent, afterWrite): list it in the projection's writtenElsewhere`,
      );
    }
  }

  /** A kept row: `{ row }` (row undefined: known to be absent), or undefined when not kept. */
  get(table: string, id: string): { row: Row | undefined } | undefined {
    const rows = this.tables.get(table);
    if (!rows?.has(id)) return undefined;
    const row = rows.get(id);
    // Looked at again: it moves to the back of the line to be dropped.
    rows.delete(id);
    rows.set(id, row);
    return { row };
  }

  has(table: string, id: string): boolean {
    return this.tables.get(table)?.has(id) ?? false;
  }

  /**
   * After a page committed up to `checkpoint`: its rows are kept as it left them where it looked
   * them up by key or they were kept already (a row only written, an audit entry, is not kept).
   */
  committed(checkpoint: bigint, rows: Iterable<[string, string, Row | undefined]>, lookedUp: (table: string, id: string) => boolean): void {
    for (const [table, id, row] of rows) if (lookedUp(table, id) || this.has(table, id)) this.keep(table, id, row);
    this.position = checkpoint;
  }

  private keep(table: string, id: string, row: Row | undefined): void {
    if (this.writtenElsewhere.includes(table)) return;
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    if (rows.has(id)) rows.delete(id);
    else this.size += 1;
    // Shared by the pages that look it up: a projection copies a row to change it, never changes it in place.
    rows.set(id, row && Object.freeze(row));
    if (this.size > MOST_ROWS_KEPT) this.dropOldest();
  }

  /** Drops a tenth of what is kept, the rows kept longest without a look in each table. */
  private dropOldest(): void {
    for (const rows of this.tables.values()) {
      let drop = Math.ceil(rows.size / 10);
      for (const id of rows.keys()) {
        if (drop-- <= 0) break;
        rows.delete(id);
        this.size -= 1;
      }
    }
  }
}
