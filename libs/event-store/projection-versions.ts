import { sql } from 'kysely';
import type { Projection, ReadModelDb } from './projection.js';
import { recordRebuilds } from './rebuilds.js';

/**
 * Read models follow their projection's code: a projection whose `version` is above the one its
 * tables were built with has them dropped and its checkpoint reset, so the runner rebuilds it
 * from the log at start (the log is the truth; tables are only ever derived), recording how far it
 * had come (recordRebuilds). A projection without a recorded version was built before versions
 * were kept: version 1.
 */
export const rebuildOutdatedProjections = async (db: ReadModelDb, projections: readonly Projection[]): Promise<string[]> => {
  await db.schema
    .createTable('projection_versions')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('projection_versions').select(['name', 'version']).execute();
  const built = new Map(rows.map((row) => [row.name as string, Number(row.version)]));
  // Only older read models are rebuilt: one built by newer code (an upgrade under way) is not this code's to replace.
  const outdated = projections.filter((p) => (built.get(p.name) ?? 1) < (p.version ?? 1));
  await db.transaction().execute(async (trx) => {
    await recordRebuilds(
      trx,
      outdated.map((p) => p.name),
    );
    for (const projection of outdated) {
      for (const table of projection.tables) await trx.schema.dropTable(table).ifExists().execute();
      await trx.deleteFrom('projection_checkpoints').where('name', '=', projection.name).execute();
    }
    const values = projections
      .filter((p) => (built.get(p.name) ?? 1) <= (p.version ?? 1))
      .map((p) => ({ name: p.name, version: p.version ?? 1 }));
    if (values.length > 0) {
      await trx
        .insertInto('projection_versions')
        .values(values)
        .onConflict((oc) => oc.column('name').doUpdateSet({ version: sql`excluded.version` }))
        .execute();
    }
  });
  return outdated.map((p) => p.name);
};

/** The projections whose read models were built by newer code than this (an upgrade under way). */
export const builtForNewerCode = async (db: ReadModelDb, projections: readonly Projection[]): Promise<string[]> => {
  if (projections.length === 0) return [];
  const rows = await db
    .selectFrom('projection_versions')
    .select(['name', 'version'])
    .where(
      'name',
      'in',
      projections.map((p) => p.name),
    )
    .execute();
  const built = new Map(rows.map((row) => [row.name as string, Number(row.version)]));
  return projections.filter((p) => (built.get(p.name) ?? 1) > (p.version ?? 1)).map((p) => p.name);
};
