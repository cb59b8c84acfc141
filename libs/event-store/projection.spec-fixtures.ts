import type { Projection } from './projection.js';

/** Each stream's total and count, moved as counters (written as increments, never read). */
export const totals: Projection = {
  name: 'totals',
  tables: ['totals'],
  keys: { totals: ['stream'] },
  migrate: async (db) => {
    await db.schema
      .createTable('totals')
      .ifNotExists()
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('events', 'integer', (c) => c.notNull())
      .execute();
  },
  project: async (rows, event) => {
    await rows.add('totals', { stream: event.stream }, 'total', event.data.amount as number);
    await rows.add('totals', { stream: event.stream }, 'events', 1);
  },
};
