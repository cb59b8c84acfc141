import type { Row } from './row-statements.js';

/**
 * Rows go to the database in statements of a power-of-two number of rows, so that a few SQL
 * texts serve every page and each is prepared once (SQLite keeps them by text). A few rows (a
 * command's page) go in one statement of their exact number: one round trip, and only
 * FEW_ROWS texts more per shape. The cap keeps a statement under SQLite's 32,766 and
 * PostgreSQL's 65,535 parameters.
 */
const MOST_ROWS = 256;
const FEW_ROWS = 16;
const MOST_PARAMETERS = 30_000;

/** How many rows each statement takes: 300 rows are 256 + 32 + 8 + 4; 7 rows are 7. */
export const statementSizes = (rows: number, columns: number): number[] => {
  if (rows <= FEW_ROWS && rows * columns <= MOST_PARAMETERS) return rows > 0 ? [rows] : [];
  let cap = MOST_ROWS;
  while (cap > 1 && cap * columns > MOST_PARAMETERS) cap /= 2;
  const sizes: number[] = [];
  for (let left = rows; left > 0;) {
    let size = cap;
    while (size > left) size /= 2;
    sizes.push(size);
    left -= size;
  }
  return sizes;
};

/** Rows grouped by their set of columns: a multi-row statement needs the same columns in every row. */
export const byColumnSet = (rows: Row[]): Row[][] => {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const columns = Object.keys(row).join(',');
    const same = groups.get(columns);
    if (same) same.push(row);
    else groups.set(columns, [row]);
  }
  return [...groups.values()];
};
