import { sql } from 'kysely';
import type { Projection, ReadModelDb, ReadModelTransaction } from './projection.js';

/** Each projection's last applied global position, kept beside its rows (decimal text: can pass 2^53). */
export const migrateCheckpoints = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('projection_checkpoints')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
};

/** Several projections' checkpoints in one query; a projection without one is at 0. */
export const readCheckpoints = async (db: ReadModelDb | ReadModelTransaction, names: readonly string[]): Promise<Map<string, bigint>> => {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('projection_checkpoints')
    .select(['name', 'position'])
    .where('name', 'in', [...names])
    .execute();
  const positions = new Map(rows.map((row) => [row.name as string, BigInt(row.position as string)]));
  return new Map(names.map((name) => [name, positions.get(name) ?? 0n]));
};

/** Moves several projections to the same position in one statement. */
export const writeCheckpoints = async (trx: ReadModelTransaction, names: readonly string[], position: bigint): Promise<void> => {
  if (names.length === 0) return;
  await trx
    .insertInto('projection_checkpoints')
    .values(names.map((name) => ({ name, position: position.toString() })))
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: sql`excluded.position` }))
    .execute();
};

/** Empties a projection's tables and moves its checkpoint to 0, together: the next catch-up replays it. */
export const resetProjection = (db: ReadModelDb, projection: Projection): Promise<void> =>
  db.transaction().execute(async (trx) => {
    for (const table of projection.tables) await trx.deleteFrom(table).execute();
    await writeCheckpoints(trx, [projection.name], 0n);
  });
