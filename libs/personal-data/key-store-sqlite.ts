import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { makeDirectory } from '@cf/event-store';
import { dirname } from 'node:path';
import { type KeyStore, type KeyTables, KyselyKeyStore } from './key-store.js';

export const KEY_FILE = 'personal-data-keys.sqlite';

/**
 * Keys in a SQLite file of their own: WAL with synchronous=FULL (a key is on disk before the
 * event that needs it is appended) and secure_delete=ON (a deleted key's bytes are zeroed).
 * Destroying a key also truncates the WAL and vacuums the file: no old page keeps a copy.
 */
export const openSqliteKeyStore = async (file: string): Promise<KeyStore> => {
  makeDirectory(dirname(file));
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('secure_delete = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<KeyTables>({ dialect: new SqliteDialect({ database }) });
  await KyselyKeyStore.migrate(db);
  const scrub = async (): Promise<void> => {
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.exec('VACUUM');
    database.pragma('wal_checkpoint(TRUNCATE)');
  };
  return new KyselyKeyStore(db, scrub, () => db.destroy());
};
