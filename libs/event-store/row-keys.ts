import type { Row } from './row-statements.js';

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
