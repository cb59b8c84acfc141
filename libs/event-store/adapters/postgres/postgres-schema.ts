import { advisoryKey } from './advisory-key.js';
import type { RecordedEvent } from '../../event-store.js';
import { storedJson } from '../../stored-json.js';

/**
 * The event log on PostgreSQL. Appends hold one transaction-scoped advisory lock, so they
 * commit one at a time and each takes position = max + 1: positions are contiguous and become
 * visible in order — a reader can never be passed by a lower position (a bare bigserial can:
 * a slow transaction may commit a lower number after a faster one was read).
 */
export const APPEND_LOCK_KEY = 0x636f6e74; // any constant shared by every writer of the log

/**
 * The append lock of one schema's log, as the two int4 keys of pg_advisory_xact_lock (a key
 * space apart from the one-key locks): ledgers in other schemas of the same database append
 * without waiting for this one.
 */
export const appendLockOf = (schema: string): string => `${APPEND_LOCK_KEY}, ${advisoryKey(`append:${schema}`)}`;

/**
 * Makes the schema only where it is missing: CREATE SCHEMA IF NOT EXISTS asks for CREATE on the
 * database even when the schema exists, which a role given its schemas beforehand does not have.
 */
export const schemaMadeIfMissing = (schema: string): string =>
  `DO $$ BEGIN IF to_regnamespace('${schema}') IS NULL THEN CREATE SCHEMA "${schema}"; END IF; END $$;`;

export const postgresEventSchema = (schema: string): string => `
${schemaMadeIfMissing(schema)}
CREATE TABLE IF NOT EXISTS "${schema}".events (
  position       bigint  PRIMARY KEY,
  stream         text    NOT NULL,
  revision       integer NOT NULL, -- the event's index in its stream, from 0 (the column keeps its first name)
  type           text    NOT NULL,
  schema_version integer NOT NULL,
  data           text    NOT NULL,
  metadata       text    NOT NULL,
  occurred_at    text    NOT NULL, -- for people reading the table; no read trusts it: the hash covers metadata.occurredAt, not this column
  prev_hash      text    NOT NULL,
  hash           text    NOT NULL,
  UNIQUE (stream, revision)
);
-- The job (cli import, cli migrate) filling this log that has not finished: one row at most (EventStore.unfinishedFill).
CREATE TABLE IF NOT EXISTS "${schema}".unfinished_fill (id integer PRIMARY KEY CHECK (id = 1), job text NOT NULL);
CREATE TABLE IF NOT EXISTS "${schema}".idempotency_keys (
  user_id text NOT NULL,
  key     text NOT NULL,
  result  text NOT NULL,
  PRIMARY KEY (user_id, key)
);
`;

export const NOTIFY_CHANNEL = 'ledger_events';

/**
 * What an append's notification (`<schema>:<position>`) tells this schema's readers: the channel
 * is the database's, shared by every ledger in it, so another schema's appends are not heard (a
 * position from another log would make a reader believe its own head had moved). A payload of
 * another shape (an older append function) wakes readers to read the head themselves.
 */
export const heardPosition = (schema: string, payload: string | undefined): { ours: boolean; position?: bigint } => {
  const match = /^(.+):(\d+)$/.exec(payload ?? '');
  if (!match) return { ours: true };
  return match[1] === schema ? { ours: true, position: BigInt(match[2]) } : { ours: false };
};

export interface PostgresEventRow {
  position: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

/** A row as the event it stores, before any upcasting. */
export const storedEvent = (row: PostgresEventRow): RecordedEvent => {
  // Named as `cli verify` names a broken link: the revision counted from 1.
  const at = { position: BigInt(row.position), stream: row.stream, revision: row.revision + 1 };
  return {
    position: at.position,
    stream: row.stream,
    indexInStream: row.revision,
    type: row.type,
    schemaVersion: row.schema_version,
    data: storedJson<Record<string, unknown>>(row.data, 'data', at),
    metadata: storedJson<RecordedEvent['metadata']>(row.metadata, 'metadata', at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
};
