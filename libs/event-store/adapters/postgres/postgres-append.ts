import type pg from 'pg';
import { type AppendOptions, type AppendResult, type NewEvent, IdempotencyKeyUsed, WrongExpectedRevision, matchesExpectedRevision } from '../../event-store.js';
import { GENESIS_HASH, chainEvents } from '../../hash-chain.js';
import { serializeIdempotent } from '../../idempotency.js';
import type { Upcasters } from '../../upcasting.js';
import { APPEND_LOCK_KEY, NOTIFY_CHANNEL } from './postgres-schema.js';

/**
 * One append in three round trips, as many as a bare INSERT in its own transaction needs:
 * (1) BEGIN and the append lock, (2) the stream's tail and the log's head in one SELECT,
 * (3) the rows, the idempotency key, the notification and COMMIT as one simple query. The last
 * carries its values as escaped literals because only the simple protocol takes several
 * statements; if any statement fails, PostgreSQL skips the rest, COMMIT included.
 */
export const appendInOneTransaction = async (
  client: pg.PoolClient,
  schema: string,
  upcasters: Upcasters,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> => {
  const table = `"${schema}".events`;
  await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
  const ends = await client.query<{ head: string; revision: number | null; hash: string | null }>(
    `SELECT (SELECT COALESCE(MAX(position), 0) FROM ${table}) AS head, tail.revision, tail.hash
     FROM (SELECT 1) AS one LEFT JOIN LATERAL
       (SELECT revision, hash FROM ${table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1) AS tail ON true`, [stream]);
  const { head, revision: tailRevision, hash: tailHash } = ends.rows[0];
  const current = tailRevision ?? -1;
  if (!matchesExpectedRevision(options.expectedRevision, current)) {
    throw new WrongExpectedRevision(stream, options.expectedRevision, current);
  }
  const versioned = events.map((event) => ({ ...event, schemaVersion: event.schemaVersion ?? upcasters.currentVersionOf(event.type) }));
  const chained = chainEvents(versioned, tailHash ?? GENESIS_HASH);
  const literal = (value: string | number | bigint): string => (typeof value === 'string' ? client.escapeLiteral(value) : String(value));
  const rows = chained.map((event, i) =>
    `(${[BigInt(head) + BigInt(i + 1), stream, current + i + 1, event.type, event.schemaVersion, event.data, event.metadata, event.occurredAt, event.prevHash, event.hash].map(literal).join(', ')})`);
  const result = { nextExpectedRevision: current + events.length, position: BigInt(head) + BigInt(events.length) };
  const key = options.idempotency;
  const statements = [
    `INSERT INTO ${table} (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash) VALUES ${rows.join(', ')}`,
    ...(key ? [`INSERT INTO "${schema}".idempotency_keys (user_id, key, result) VALUES (${[key.userId, key.key, serializeIdempotent(stream, result)].map(literal).join(', ')})`] : []),
    `SELECT pg_notify('${NOTIFY_CHANNEL}', '${result.position}')`,
    'COMMIT',
  ];
  try {
    await client.query(statements.join(';\n'));
  } catch (error) {
    if (key && (error as { constraint?: string }).constraint === 'idempotency_keys_pkey') throw new IdempotencyKeyUsed(key.userId, key.key);
    throw error;
  }
  return result;
};
