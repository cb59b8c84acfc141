import type pg from 'pg';
import { type AppendOptions, type AppendResult, type NewEvent, IdempotencyKeyUsed, WrongExpectedRevision, matchesExpectedRevision } from '../../event-store.js';
import { GENESIS_HASH, chainHash } from '../../hash-chain.js';
import { serializeIdempotent } from '../../idempotency.js';
import type { Upcasters } from '../../upcasting.js';

/** The body of an append, run while the caller's transaction holds the append lock. */
export const appendLocked = async (
  client: pg.PoolClient,
  schema: string,
  upcasters: Upcasters,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> => {
  const table = `"${schema}".events`;
  const tail = await client.query<{ revision: number; hash: string }>(
    `SELECT revision, hash FROM ${table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1`, [stream]);
  const current = tail.rows[0]?.revision ?? -1;
  if (!matchesExpectedRevision(options.expectedRevision, current)) {
    throw new WrongExpectedRevision(stream, options.expectedRevision, current);
  }
  const head = await client.query<{ head: string }>(`SELECT COALESCE(MAX(position), 0) AS head FROM ${table}`);
  let position = BigInt(head.rows[0].head);
  let prevHash = tail.rows[0]?.hash ?? GENESIS_HASH;
  let revision = current;
  for (const event of events) {
    revision += 1;
    position += 1n;
    const schemaVersion = event.schemaVersion ?? upcasters.currentVersionOf(event.type);
    const hash = chainHash({ ...event, schemaVersion }, prevHash);
    await client.query(
      `INSERT INTO ${table} (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [position.toString(), stream, revision, event.type, schemaVersion, JSON.stringify(event.data),
        JSON.stringify(event.metadata), event.metadata.occurredAt, prevHash, hash]);
    prevHash = hash;
  }
  const result = { nextExpectedRevision: revision, position };
  const key = options.idempotency;
  if (key) {
    const inserted = await client.query(
      `INSERT INTO "${schema}".idempotency_keys (user_id, key, result) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [key.userId, key.key, serializeIdempotent(stream, result)]);
    if (inserted.rowCount === 0) throw new IdempotencyKeyUsed(key.userId, key.key);
  }
  return result;
};
