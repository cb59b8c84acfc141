import { type TableKeys, rowKey } from './row-lookups.js';
import type { Row } from './row-statements.js';

/**
 * The key columns of the tables a page writes, and a row's key by them as one text (rowKey): a
 * page reads, replaces and deletes its rows by key only.
 */
export class PageKeys {
  constructor(private readonly keys: TableKeys) {}

  /** A table's key columns; a table the projection declared none for is a mistake in it. */
  readonly columns = (table: string): readonly string[] => {
    const keys = this.keys[table];
    if (!keys) throw new Error(`no key columns declared for table ${table}`);
    return keys;
  };

  readonly of = (table: string, row: Row): string => rowKey(this.columns(table), row);
}
