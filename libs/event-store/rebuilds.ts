import { sql } from 'kysely';
import type { PageRows } from './page-rows.js';
import type { ReadModelDb, ReadModelTransaction } from './projection.js';

/**
 * How far each projection had applied the log when its read model was last dropped to be rebuilt
 * (a version raised, `cli rebuild`): the events up to there are replayed. A projection whose
 * rows lead to something outside (a webhook sent) tells what it derives again from what is new.
 */
export const REBUILDS_TABLE = 'projection_rebuilds';

export const migrateRebuilds = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable(REBUILDS_TABLE)
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('replayed_through', 'text', (c) => c.notNull())
    .execute();
};

/**
 * Records where the projections stand, before their checkpoints are reset in the same transaction.
 * The furthest stays: a rebuild cut short and started again replays as much as the first one did.
 * Never past `logHead`, when known: read models ahead of a log that lost its last events had
 * applied events it no longer holds, and the new events at those positions are new, not replayed.
 */
export const recordRebuilds = async (trx: ReadModelTransaction, names: readonly string[], logHead?: bigint): Promise<void> => {
  if (names.length === 0) return;
  const reached = await trx
    .selectFrom('projection_checkpoints')
    .select(['name', 'position'])
    .where('name', 'in', [...names])
    .execute();
  const recorded = await trx
    .selectFrom(REBUILDS_TABLE)
    .select(['name', 'replayed_through'])
    .where('name', 'in', [...names])
    .execute();
  const furthest = new Map(recorded.map((row) => [row.name as string, BigInt(row.replayed_through as string)]));
  for (const row of reached) {
    const position = BigInt(row.position as string);
    if (position > (furthest.get(row.name as string) ?? 0n)) furthest.set(row.name as string, position);
  }
  if (logHead !== undefined) for (const [name, position] of furthest) if (position > logHead) furthest.set(name, logHead);
  if (furthest.size === 0) return;
  await trx
    .insertInto(REBUILDS_TABLE)
    .values([...furthest].map(([name, position]) => ({ name, replayed_through: position.toString() })))
    .onConflict((oc) => oc.column('name').doUpdateSet({ replayed_through: sql`excluded.replayed_through` }))
    .execute();
};

/**
 * The last position a projection's rebuild replays, as a page reads it (0: never rebuilt); the
 * projection lists REBUILDS_TABLE in its keys by `name`. It changes only with the checkpoint's
 * reset, so rows kept between pages stay right.
 */
export const replayedThrough = async (rows: PageRows, projection: string): Promise<bigint> => {
  const row = await rows.get<{ replayed_through: string }>(REBUILDS_TABLE, { name: projection });
  return row ? BigInt(row.replayed_through) : 0n;
};
