import { CompiledQuery, type SelectQueryBuilder } from 'kysely';
import type { ReadModelTransaction } from './projection.js';
import type { Row } from './row-statements.js';
import { placeholders, quoted, textOf } from './sql-texts.js';

/** The key columns of each table a projection owns. */
export type TableKeys = Readonly<Record<string, readonly string[]>>;

/**
 * A narrower read than equal columns: the same condition in SQL and on rows in memory. Its SQL
 * reads only the table asked for: on PostgreSQL a page's writes to other tables may still be held
 * (CombinedWrites), and such a read would not see them.
 */
export interface RowCondition {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sql: (query: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, any>;
  holds: (row: Row) => boolean;
}

/**
 * The stored rows whose columns equal `where` (null: is null) and that meet `condition`. Plain
 * equality, the common look, is one SQL text per shape, built once (a query builder would build
 * it again for every event that looks).
 */
export const storedRowsWhere = async (
  trx: ReadModelTransaction,
  numbered: boolean,
  table: string,
  where: Row,
  condition?: RowCondition,
): Promise<Row[]> => {
  const columns = Object.entries(where);
  if (condition) {
    let query = trx.selectFrom(table).selectAll();
    for (const [column, value] of columns) query = query.where(column, value === null ? 'is' : '=', value);
    return (await condition.sql(query).execute()) as Row[];
  }
  const text = textOf(`where|${numbered}|${table}|${columns.map(([c, v]) => (v === null ? `${c} null` : c))}`, () => {
    const p = placeholders(numbered);
    const match = columns.map(([c, v]) => (v === null ? `${quoted(c)} is null` : `${quoted(c)} = ${p()}`)).join(' and ');
    return `select * from ${quoted(table)}${columns.length > 0 ? ` where ${match}` : ''}`;
  });
  const parameters = columns.flatMap(([, v]) => (v === null ? [] : [v]));
  return (await trx.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows;
};

/**
 * Keys to look up, as groups that share all key columns but one: `a = ? and b = ? and c in (…)`
 * finds each row through the primary key, where a long OR of ANDs may not. The column that
 * varies is the one with the most distinct values (the only one, for a single-column key).
 */
export const keyGroups = (keys: readonly string[], wanted: Row[]): { fixed: string[]; varying: string; rows: Row[] }[] => {
  const distinct = (column: string): number => new Set(wanted.map((key) => key[column])).size;
  const varying = keys.reduce((most, column) => (distinct(column) > distinct(most) ? column : most), keys[0]);
  const fixed = keys.filter((column) => column !== varying);
  const groups = new Map<string, Row[]>();
  for (const key of wanted) {
    const group = JSON.stringify(fixed.map((column) => key[column]));
    const rows = groups.get(group);
    if (rows) rows.push(key);
    else groups.set(group, [key]);
  }
  return [...groups.values()].map((rows) => ({ fixed, varying, rows }));
};

export const keyMatch = (fixed: string[], varying: string, rows: number, numbered: boolean): string => {
  const p = placeholders(numbered);
  return [
    ...fixed.map((column) => `${quoted(column)} = ${p()}`),
    `${quoted(varying)} in (${Array.from({ length: rows }, p).join(', ')})`,
  ].join(' and ');
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
