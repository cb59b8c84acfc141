import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store.js';
import { storedJson } from '../../stored-json.js';

/** The event log on SQLite. `position` is the rowid: SQLite has one writer at a time, so
 * positions become visible in commit order and no reader can be passed by a lower one. */
export const SQLITE_EVENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL, -- the event's index in its stream, from 0 (the column keeps its first name)
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  occurred_at    TEXT    NOT NULL, -- for people reading the table; no read trusts it: the hash covers metadata.occurredAt, not this column
  prev_hash      TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
-- The job (cli import, cli migrate) filling this log that has not finished: one row at most (EventStore.unfinishedFill).
CREATE TABLE IF NOT EXISTS unfinished_fill (id INTEGER PRIMARY KEY CHECK (id = 1), job TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_id TEXT NOT NULL,
  key     TEXT NOT NULL,
  result  TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
`;

/** Whether a SQLite file holds a log (its events table), looked at read-only: opening a store would make one. */
export const holdsSqliteLog = (file: string): boolean => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
  } finally {
    db.close();
  }
};

export interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

/** The statements the store runs, prepared once; integers come back as bigints (positions can pass 2^53). */
export const prepareEventStatements = (db: Database.Database) => {
  const safe = <T extends Database.Statement>(statement: T): T => statement.safeIntegers(true) as T;
  return {
    tail: safe(db.prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')),
    readStream: safe(db.prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision')),
    readAll: safe(db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')),
    head: safe(db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events')),
    /** UnchangedSince: the first event past a position in a kind of stream that names the project. */
    changedSince: safe(
      db.prepare(
        `SELECT position FROM events WHERE position > ? AND substr(stream, 1, length(?)) = ? AND json_extract(data, '$.projectId') = ?
         ORDER BY position LIMIT 1`,
      ),
    ),
    unfinishedFill: db.prepare('SELECT job FROM unfinished_fill LIMIT 1'),
    clearFill: db.prepare('DELETE FROM unfinished_fill'),
    markFill: db.prepare('INSERT OR REPLACE INTO unfinished_fill (id, job) VALUES (1, ?)'),
    findKey: db.prepare('SELECT result FROM idempotency_keys WHERE user_id = ? AND key = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO idempotency_keys (user_id, key, result) VALUES (?, ?, ?)'),
  };
};

/** A row as the event it stores, before any upcasting. */
export const storedEvent = (row: EventRow): RecordedEvent => {
  // Named as `cli verify` names a broken link: the revision counted from 1.
  const at = { position: row.position, stream: row.stream, revision: Number(row.revision) + 1 };
  return {
    position: at.position,
    stream: row.stream,
    indexInStream: Number(row.revision),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: storedJson<Record<string, unknown>>(row.data, 'data', at),
    metadata: storedJson<RecordedEvent['metadata']>(row.metadata, 'metadata', at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
};
