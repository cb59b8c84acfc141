import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { type ReadModelDb, SqliteEventStore } from '@cf/event-store';
import { withPreparedStatements } from '../libs/event-store/prepared-statements.js';

/*
 * Loading a long history is not what the benches measure, so these skip what makes the
 * service durable; the API they then start opens the same files with its own settings.
 */

/** The SQLite log, with appends that skip the fsync of every commit. */
export const loadingStore = (file: string): SqliteEventStore => {
  const store = new SqliteEventStore({ file });
  (store as unknown as { db: Database.Database }).db.pragma('synchronous = OFF');
  return store;
};

/**
 * The SQLite read models for a catch-up over a whole log: no fsync, statements kept prepared
 * as the service keeps them, and a page cache of 256 MB so the indexes of a million rows are
 * not read back from the file at every insert.
 */
export const loadingReadModels = (file: string): ReadModelDb => {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = OFF');
  database.pragma('cache_size = -262144');
  return new Kysely({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
};
