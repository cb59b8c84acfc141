import { sql } from 'kysely';
import { type Projection, type ReadModelDb, type ReadModelTransaction, onPostgres } from './projection.js';
import { CombinedWrites } from './combined-writes.js';
import { rebuildOutdatedProjections } from './projection-versions.js';
import { migrateRebuilds, recordRebuilds } from './rebuilds.js';

/** Each projection's last applied global position, kept beside its rows (decimal text: can pass 2^53). */
export const migrateCheckpoints = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('projection_checkpoints')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
  await migrateRebuilds(db);
};

/** A row at 0 for each projection that has none, so that there is always a row to lock (readCheckpoints `toMove`). */
export const seedCheckpoints = async (db: ReadModelDb, names: readonly string[]): Promise<void> => {
  if (names.length === 0) return;
  await db
    .insertInto('projection_checkpoints')
    .values(names.map((name) => ({ name, position: '0' })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
};

/**
 * Several projections' checkpoints in one query; a projection without one is at 0.
 *
 * `toMove`: a page transaction is about to move them, so they stay locked until it ends. Two
 * instances may both believe they lead for a moment (one whose leadership session dropped
 * finishes the page it is on), and on PostgreSQL they share the read models: the second waits
 * here, then reads where the first left them, and applies nothing twice. On SQLite one writer
 * holds the whole file, so the lock is the transaction's own.
 */
export const readCheckpoints = async (
  db: ReadModelDb | ReadModelTransaction,
  names: readonly string[],
  toMove = false,
): Promise<Map<string, bigint>> => {
  if (names.length === 0) return new Map();
  const query = db
    .selectFrom('projection_checkpoints')
    .select(['name', 'position'])
    .where('name', 'in', [...names]);
  const locked = toMove && onPostgres(db);
  const rows = await (locked ? query.orderBy('name').forUpdate() : query).execute();
  const positions = new Map(rows.map((row) => [row.name as string, BigInt(row.position as string)]));
  return new Map(names.map((name) => [name, positions.get(name) ?? 0n]));
};

/** Moves several projections to the same position in one statement (held with the page's rows in `writes`, when given). */
export const writeCheckpoints = async (
  trx: ReadModelTransaction,
  names: readonly string[],
  position: bigint,
  writes = new CombinedWrites(trx, false),
): Promise<void> => {
  if (names.length === 0) return;
  const query = trx
    .insertInto('projection_checkpoints')
    .values(names.map((name) => ({ name, position: position.toString() })))
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: sql`excluded.position` }))
    .compile();
  await writes.write('projection_checkpoints', writes.newGroup(), query);
};

/** Empties a projection's tables and moves its checkpoint to 0, together (recording where it was, up to the log's head): the next catch-up replays it. */
export const resetProjection = (db: ReadModelDb, projection: Projection, logHead: bigint): Promise<void> =>
  db.transaction().execute(async (trx) => {
    await recordRebuilds(trx, [projection.name], logHead);
    for (const table of projection.tables) await trx.deleteFrom(table).execute();
    await writeCheckpoints(trx, [projection.name], 0n);
  });

/**
 * Brings the read models' tables and checkpoints to this code's projections, at start before any
 * page: outdated ones dropped to be rebuilt, then a checkpoint row for each (after the rebuild's
 * reset, which drops an outdated projection's row: a page always has one to lock), then their tables.
 */
export const migrateReadModels = async (db: ReadModelDb, projections: readonly Projection[]): Promise<void> => {
  await migrateCheckpoints(db);
  await rebuildOutdatedProjections(db, projections);
  await seedCheckpoints(
    db,
    projections.map((p) => p.name),
  );
  for (const projection of projections) await projection.migrate(db);
};
