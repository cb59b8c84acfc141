import type { Projection, ReadModelDb } from './projection.js';

/** A table of each stream's total and event count, as the totals projections of these specs keep. */
export const migrateTotalsTable = async (db: ReadModelDb, table: string): Promise<void> => {
  await db.schema
    .createTable(table)
    .ifNotExists()
    .addColumn('stream', 'text', (c) => c.primaryKey())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .execute();
};

/** Each stream's total and count, moved as counters (written as increments, never read). */
export const totals: Projection = {
  name: 'totals',
  tables: ['totals'],
  keys: { totals: ['stream'] },
  migrate: (db) => migrateTotalsTable(db, 'totals'),
  project: async (rows, event) => {
    await rows.add('totals', { stream: event.stream }, 'total', event.data.amount as number);
    await rows.add('totals', { stream: event.stream }, 'events', 1);
  },
};
