import { TEST_DATABASE_URL, dropSchemas } from '../../test/harness/store-under-test.js';
import type { ReadModelDb } from './projection.js';
import { openPostgresReadModels } from './read-model-db-postgres.js';
import { openSqliteReadModels } from './read-model-db.js';
import { migrateCheckpoints } from './checkpoints.js';

/** Two small tables for the page specs, keyed as a projection would key them: notes by id, tallies by project and counter. */
export const PAGE_TABLE_KEYS = { tallies: ['project_id', 'counter'], notes: ['id'] };

/**
 * The page specs' tables on the store under test (PostgreSQL in a schema of its own, else SQLite
 * in memory), with checkpoints: opened before the describe's cases (handed to `opened`), emptied
 * before each, dropped after all.
 */
export const pageTablesPerCase = (schema: string, opened: (db: ReadModelDb) => void): void => {
  const onPostgres = process.env.EVENT_STORE === 'postgres';
  let db: ReadModelDb;
  beforeAll(async () => {
    db = onPostgres ? await openPostgresReadModels(TEST_DATABASE_URL, schema) : openSqliteReadModels(':memory:');
    await migrateCheckpoints(db);
    await db.schema
      .createTable('notes')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('text', 'text')
      .addColumn('project_id', 'text')
      .execute();
    await db.schema
      .createTable('tallies')
      .addColumn('project_id', 'text')
      .addColumn('counter', 'text')
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('tallies_pk', ['project_id', 'counter'])
      .execute();
    opened(db);
  });
  beforeEach(async () => {
    await db.deleteFrom('notes').execute();
    await db.deleteFrom('tallies').execute();
  });
  afterAll(async () => {
    await db.destroy();
    if (onPostgres) await dropSchemas(TEST_DATABASE_URL, [schema]);
  });
};
