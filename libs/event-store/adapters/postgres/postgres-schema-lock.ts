import pg from 'pg';
import { APPEND_LOCK_KEY, postgresEventSchema } from './postgres-schema.js';
import { postgresAppendFunction } from './postgres-append-function.js';

/** The advisory lock every instance holds while it creates or migrates schemas and tables. */
export const SCHEMA_LOCK_KEY = APPEND_LOCK_KEY + 1;

/**
 * Runs schema work (CREATE ... IF NOT EXISTS, migrations) while holding SCHEMA_LOCK_KEY on a
 * session of its own: run by two instances at once, such statements fail in one of them
 * (duplicate key in pg_type), so instances starting together take turns instead.
 */
export const underSchemaLock = async <T>(connectionString: string, work: () => Promise<T>): Promise<T> => {
  const session = new pg.Client({ connectionString });
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    return await work();
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    await session.end();
  }
};

/** Makes the log's schema, tables and functions where missing, on a connection of the pool, under SCHEMA_LOCK_KEY. */
export const makeEventSchema = async (pool: pg.Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    // Several instances may start at once; CREATE ... IF NOT EXISTS is not safe concurrently.
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(postgresEventSchema(schema));
    await client.query(postgresAppendFunction(schema));
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
};
