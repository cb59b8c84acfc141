import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ReadModelDb } from './projection.js';

/** Bigint columns (positions, seq) come back as numbers when they fit, as on SQLite. */
const BIGINT_OID = 20;
const types = {
  getTypeParser: (oid: number, format?: string) =>
    oid === BIGINT_OID ? (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value) : pg.types.getTypeParser(oid, format as never),
};

/** Read models on PostgreSQL: the same Kysely code as on SQLite, in their own schema. */
export const openPostgresReadModels = async (connectionString: string, schema: string): Promise<ReadModelDb> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const setup = new pg.Client({ connectionString });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two instances creating the schema at once: the loser sees a duplicate; the schema exists.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path="${schema}"`, types } as pg.PoolConfig);
  // A dropped idle connection is discarded and the next query reconnects; unheard, its error would end the process.
  pool.on('error', () => undefined);
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
};
