import type pg from 'pg';
import { type AppendOptions, type AppendResult, type NewEvent, IdempotencyKeyUsed, WrongExpectedRevision } from '../../event-store.js';
import { canonicalJson } from '../../hash-chain.js';
import type { Upcasters } from '../../upcasting.js';

/** One append, one round trip: the schema's append_to_stream function (postgres-append-function.ts) does the rest. */
export const appendThroughFunction = async (
  pool: pg.Pool,
  schema: string,
  upcasters: Upcasters,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> => {
  const expected = options.expectedRevision;
  const key = options.idempotency;
  try {
    const { rows } = await pool.query<{ appended: boolean; current_revision: number; last_position: string }>(
      `SELECT * FROM "${schema}".append_to_stream($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        stream, expected === 'no_stream' ? -1 : expected === 'any' ? null : expected, expected === 'any',
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.type)),
        events.map((event) => event.schemaVersion ?? upcasters.currentVersionOf(event.type)),
        events.map((event) => canonicalJson(event.data)),
        events.map((event) => canonicalJson(event.metadata)),
        events.map((event) => event.metadata.occurredAt),
        key?.userId ?? null, key?.key ?? null,
      ]);
    const { appended, current_revision, last_position } = rows[0];
    if (!appended) throw new WrongExpectedRevision(stream, expected, current_revision);
    return { nextExpectedRevision: current_revision, position: BigInt(last_position) };
  } catch (error) {
    if (key && (error as { constraint?: string }).constraint === 'idempotency_keys_pkey') throw new IdempotencyKeyUsed(key.userId, key.key);
    throw error;
  }
};
