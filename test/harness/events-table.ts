import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import type { Portal } from './portal-harness.js';

type EventRow = Record<string, unknown>;

/** The store's own events table, edited as someone with database access could, on SQLite or PostgreSQL. */
export interface EventsTable {
  /** Deletes the event at a stream's revision (from 0, as the table counts) and gives its row back. */
  take(stream: string, revision: number): Promise<EventRow>;
  /** Puts a taken row back as it was. */
  restore(row: EventRow): Promise<void>;
  /** Sets one column of the event at a stream's revision and gives its row as it was before. */
  set(stream: string, revision: number, column: string, value: unknown): Promise<EventRow>;
}

/**
 * Runs one statement on the portal's store; `sql` gets the table's name, and numbers its values
 * `$1`, `$2`... as PostgreSQL does (in the order they are given).
 */
const runner = (portal: Portal): ((sql: (table: string) => string, values: unknown[]) => Promise<EventRow[]>) => {
  const config = portal.config;
  if (config.eventStore === 'postgres') {
    return async (sql, values) => {
      const client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql(`"${config.databaseSchema}".events`), values)).rows as EventRow[];
      } finally {
        await client.end();
      }
    };
  }
  return async (sql, values) => {
    const db = new Database(join(portal.dataDir, 'events.sqlite'));
    try {
      const statement = db.prepare(sql('events').replace(/\$\d+/g, '?'));
      return statement.reader ? (statement.all(...values) as EventRow[]) : (statement.run(...values), []);
    } finally {
      db.close();
    }
  };
};

export const eventsTable = (portal: Portal): EventsTable => {
  const run = runner(portal);
  const at = async (stream: string, revision: number): Promise<EventRow> =>
    (await run((table) => `SELECT * FROM ${table} WHERE stream = $1 AND revision = $2`, [stream, revision]))[0];
  return {
    take: async (stream, revision) => {
      const row = await at(stream, revision);
      await run((table) => `DELETE FROM ${table} WHERE stream = $1 AND revision = $2`, [stream, revision]);
      return row;
    },
    restore: async (row) => {
      const columns = Object.keys(row);
      await run(
        (table) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    },
    set: async (stream, revision, column, value) => {
      const row = await at(stream, revision);
      await run((table) => `UPDATE ${table} SET ${column} = $1 WHERE stream = $2 AND revision = $3`, [value, stream, revision]);
      return row;
    },
  };
};
