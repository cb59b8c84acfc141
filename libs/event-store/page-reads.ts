import type { KeptRows } from './kept-rows.js';
import type { PageEntries } from './page-entries.js';
import type { Row, RowStatements } from './row-statements.js';

/** A row looked up by key, as one text: its table and its key. */
const lookedUpId = (table: string, id: string): string => `${table}\u0000${id}`;

/**
 * PageRows' reads by key: a row is read from the database once per page (or taken from what
 * earlier pages kept) and held, so each event sees what the events before it did. The rows looked
 * up are remembered, to be kept for the next pages once the page is written.
 */
export class PageReads {
  private readonly lookedUp = new Set<string>();

  constructor(
    private readonly held: PageEntries,
    private readonly statements: RowStatements,
    private readonly keyColumns: (table: string) => readonly string[],
    private readonly keyOf: (table: string, row: Row) => string,
    private readonly kept?: KeptRows,
  ) {}

  /** Several rows at once: those neither read in this page nor kept from earlier ones are read in one query. */
  async getMany(table: string, keys: readonly Row[]): Promise<(Row | undefined)[]> {
    const entries = this.held.of(table);
    const unread: Row[] = [];
    for (const [id, key] of new Map(keys.map((key) => [this.keyOf(table, key), key]))) {
      this.lookedUp.add(lookedUpId(table, id));
      if (entries.has(id)) continue;
      const kept = this.kept?.get(table, id);
      this.held.read(table, id, kept?.row);
      if (!kept) unread.push(key);
    }
    if (unread.length > 0) {
      const stored = await this.statements.select(table, this.keyColumns(table), unread);
      for (const row of stored) this.held.read(table, this.keyOf(table, row), row);
    }
    return keys.map((key) => entries.get(this.keyOf(table, key))?.row);
  }

  /** Some columns of rows by key: rows held or kept answer from memory, the others are read for these columns only, and not held. */
  async peek(table: string, keys: readonly Row[], columns: readonly string[]): Promise<(Row | undefined)[]> {
    const entries = this.held.of(table);
    const ids = keys.map((key) => this.keyOf(table, key));
    const known = ids.map((id) => entries.get(id) ?? this.kept?.get(table, id));
    const unread = keys.filter((_, i) => !known[i]);
    const keyColumns = this.keyColumns(table);
    const stored = unread.length === 0 ? [] : await this.statements.select(table, keyColumns, unread, [...keyColumns, ...columns]);
    const found = new Map(stored.map((row) => [this.keyOf(table, row), row]));
    return ids.map((id, i) => (known[i] ?? { row: found.get(id) }).row);
  }

  /** Whether the page looked the row up by key. */
  lookedUpRow(table: string, id: string): boolean {
    return this.lookedUp.has(lookedUpId(table, id));
  }
}
