import type { SelectQueryBuilder } from 'kysely';
import type { ReadModelTransaction } from './projection.js';
import type { Row } from './row-statements.js';

/** The key columns of each table a projection owns. */
export type TableKeys = Readonly<Record<string, readonly string[]>>;

/** A narrower read than equal columns: the same condition in SQL and on rows in memory. */
export interface RowCondition {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sql: (query: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, any>;
  holds: (row: Row) => boolean;
}

/** The stored rows whose columns equal `where` (null: is null) and that meet `condition`. */
export const storedRowsWhere = async (trx: ReadModelTransaction, table: string, where: Row, condition?: RowCondition): Promise<Row[]> => {
  let query = trx.selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(where)) query = query.where(column, value === null ? 'is' : '=', value);
  return (await (condition ? condition.sql(query) : query).execute()) as Row[];
};

/** A row's key as text: numbers and text kept apart as the database keeps them (1 is not '1'). */
export const rowKey = (columns: readonly string[], row: Row): string =>
  columns.length === 1 ? keyPart(row[columns[0]]) : columns.map((column) => keyPart(row[column])).join('\u0000');

/** Bigint-valued keys (positions) may come back from the database as numbers: one key either way. */
const keyPart = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint'
    ? `#${Number(value)}`
    : value === null || value === undefined
      ? '~'
      : `'${String(value)}`;
