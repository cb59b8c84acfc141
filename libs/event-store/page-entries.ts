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

/**
 * The rows a page changed, found by equal columns without walking the page: a projection that
 * looks rows up by a column on every event (the audit log by stream) would otherwise test every
 * row the page wrote, each time, and a page would cost the square of its length. One index per
 * table and set of columns looked up, made at the first look and kept as rows change.
 */
export class ChangedRowIndex {
  private readonly tables = new Map<string, Map<string, Index>>();

  /** The ids of changed rows whose columns may equal `where` (check them); `changed` lists the table's changed rows, for a first look. */
  lookup(table: string, where: Row, changed: () => Iterable<[string, Row]>): Iterable<string> {
    const columns = Object.keys(where);
    let indexes = this.tables.get(table);
    if (!indexes) this.tables.set(table, (indexes = new Map()));
    let index = indexes.get(columns.join('\u0000'));
    if (!index) {
      indexes.set(columns.join('\u0000'), (index = { columns, ids: new Map() }));
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
