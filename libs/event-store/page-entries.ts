import { rowKey } from './row-lookups.js';
import type { Row } from './row-statements.js';

interface Index {
  columns: string[];
  /** Changed rows' ids by the values of `columns` (as rowKey). */
  ids: Map<string, Set<string>>;
}

const add = (index: Index, id: string, row: Row): void => {
  const values = rowKey(index.columns, row);
  const ids = index.ids.get(values);
  if (ids) ids.add(id);
  else index.ids.set(values, new Set([id]));
};

/** A row as the page left it (undefined: absent or deleted), whether the page changed it, and a deleted row's key. */
export interface Entry {
  row: Row | undefined;
  changed: boolean;
  key?: Row;
}

function* changedRowsOf(entries: Map<string, Entry>): Iterable<[string, Row]> {
  for (const [id, entry] of entries) if (entry.changed && entry.row) yield [id, entry.row];
}

/**
 * The rows a page changed, found by equal columns without walking the page: a projection that
 * looks rows up by a column on every event (the audit log by stream) would otherwise test every
 * row the page wrote, each time, and a page would cost the square of its length. One index per
 * table and set of columns looked up, made at the first look and kept as rows change.
 */
class ChangedRowIndex {
  private readonly tables = new Map<string, Map<string, Index>>();

  /** The ids of changed rows whose columns may equal `where` (check them); `changed` lists the table's changed rows, for a first look. */
  lookup(table: string, where: Row, changed: () => Iterable<[string, Row]>): Iterable<string> {
    const columns = Object.keys(where);
    const signature = columns.join('\u0000');
    let indexes = this.tables.get(table);
    if (!indexes) this.tables.set(table, (indexes = new Map()));
    let index = indexes.get(signature);
    if (!index) {
      indexes.set(signature, (index = { columns, ids: new Map() }));
      for (const [id, row] of changed()) add(index, id, row);
    }
    return index.ids.get(rowKey(columns, where)) ?? [];
  }

  /** A row of the table changed from `before` (as last indexed, if it was) to `after` (undefined: deleted). */
  changed(table: string, id: string, before: Row | undefined, after: Row | undefined): void {
    const indexes = this.tables.get(table);
    if (!indexes) return;
    for (const index of indexes.values()) {
      if (before) index.ids.get(rowKey(index.columns, before))?.delete(id);
      if (after) add(index, id, after);
    }
  }

  /** The page is written: no row is changed any more. */
  clear(): void {
    this.tables.clear();
  }
}

/** The rows a page holds, by table and key text: as read from the database, or as the page wrote them. */
export class PageEntries {
  private readonly tables = new Map<string, Map<string, Entry>>();
  private readonly changedRows = new ChangedRowIndex();

  of(table: string): Map<string, Entry> {
    let entries = this.tables.get(table);
    if (!entries) this.tables.set(table, (entries = new Map()));
    return entries;
  }

  /** A row as it is stored (undefined: there is none). */
  read(table: string, id: string, row: Row | undefined): void {
    this.of(table).set(id, { row, changed: false });
  }

  /** A row the page writes; undefined deletes the row with `key`. */
  write(table: string, id: string, row: Row | undefined, key?: Row): void {
    const entries = this.of(table);
    this.changedRows.changed(table, id, entries.get(id)?.row, row);
    entries.set(id, row ? { row, changed: true } : { row, changed: true, key });
  }

  /** The changed rows whose columns may equal `where` (check them). */
  *changedWhere(table: string, where: Row): Iterable<[string, Row]> {
    const entries = this.of(table);
    for (const id of this.changedRows.lookup(table, where, () => changedRowsOf(entries))) {
      const row = entries.get(id)?.row;
      if (row) yield [id, row];
    }
  }

  /** Every row the page holds, as it left them. */
  *rows(): Iterable<[string, string, Row | undefined]> {
    for (const [table, entries] of this.tables) for (const [id, entry] of entries) yield [table, id, entry.row];
  }

  /** What the page changed, table by table. */
  changed(): [string, Entry[]][] {
    return [...this.tables].map(([table, entries]) => [table, [...entries.values()].filter((entry) => entry.changed)]);
  }

  /** The page is written: what it holds is now what is stored. */
  written(): void {
    for (const entries of this.tables.values()) for (const entry of entries.values()) entry.changed = false;
    this.changedRows.clear();
  }
}
