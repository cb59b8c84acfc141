import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { makeDirectory } from './make-directory.js';
import { dirname } from 'node:path';
import { withPreparedStatements } from './prepared-statements.js';
import type { ReadModelDb } from './projection.js';

/**
 * Read models on SQLite live in their own file beside the event log: projections never take
 * the log's write lock. synchronous=NORMAL is enough here — a lost tail is replayed, because
 * rows and checkpoint are committed together.
 */
export const openSqliteReadModels = (file: string): ReadModelDb => {
  if (file !== ':memory:') makeDirectory(dirname(file));
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // A page of a rebuild writes megabytes: with SQLite's default (a checkpoint, and its fsync, past
  // 1,000 pages of WAL) a tenth of a rebuild went to checkpoints. Past 10,000 pages (about 40 MB),
  // the WAL is copied into the file ten times less often.
  database.pragma('wal_autocheckpoint = 10000');
  return new Kysely({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
};
