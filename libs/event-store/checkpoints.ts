import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from './projection.js';

/** Each projection's last applied global position, kept beside its rows (decimal text: can pass 2^53). */
export const migrateCheckpoints = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('projection_checkpoints')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
};

export const readCheckpoint = async (db: ReadModelDb | ReadModelTransaction, name: string): Promise<bigint> => {
  const row = await db.selectFrom('projection_checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return row ? BigInt(row.position as string) : 0n;
};

export const writeCheckpoint = async (trx: ReadModelTransaction, name: string, position: bigint): Promise<void> => {
  await trx
    .insertInto('projection_checkpoints')
    .values({ name, position: position.toString() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: sql`excluded.position` }))
    .execute();
};
