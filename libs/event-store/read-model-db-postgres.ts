import { POOL_KEEPALIVE, hearDroppedConnections } from './adapters/postgres/dropped-connections.js';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { underSchemaLock } from './adapters/postgres/postgres-schema-lock.js';
import { schemaMadeIfMissing } from './adapters/postgres/postgres-schema.js';
import type { ReadModelDb } from './projection.js';

/** Bigint columns (positions, seq) come back as numbers when they fit, as on SQLite. */
const BIGINT_OID = 20;
const types = {
  getTypeParser: (oid: number, format?: string) =>
    oid === BIGINT_OID
      ? (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value)
      : pg.types.getTypeParser(oid, format as never),
};

/** Read models on PostgreSQL: the same Kysely code as on SQLite, in their own schema. */
export const openPostgresReadModels = async (connectionString: string, schema: string): Promise<ReadModelDb> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: `-c search_path="${schema}"`,
    types,
    ...POOL_KEEPALIVE,
  } as pg.PoolConfig);
  hearDroppedConnections(pool);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read models are typed loosely on purpose (projection.ts)
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await underSchemaLock(connectionString, () => sql.raw(schemaMadeIfMissing(schema)).execute(db));
  return db;
};

/**
 * What is wrong with `schema` as a log's place, asked in one query: `readModelsOnly` when it holds
 * read models and no log (`<log>_read` of another log, named by mistake: no log is ever kept
 * beside its read models); `readModelsAmongALog` when `<schema>_read`, where its read models go,
 * holds a log of its own (one migrated into a schema named `…_read`), so they would be written
 * among that log's tables and dropping them, as read models may be, would drop it.
 */
export const logPlaceProblem = async (client: pg.Client, schema: string): Promise<'readModelsOnly' | 'readModelsAmongALog' | undefined> => {
  // From the catalog, readable by every role: to_regclass refuses a schema the role may not use (an auditor's, the read models').
  const table = (schemaParameter: string, name: string) =>
    `EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${schemaParameter} AND c.relname = '${name}')`;
  const found = await client.query<{ events: boolean; checkpoints: boolean; beside: boolean }>(
    `SELECT ${table('$1', 'events')} AS events, ${table('$1', 'projection_checkpoints')} AS checkpoints, ${table('$2', 'events')} AS beside`,
    [schema, `${schema}_read`],
  );
  const { events, checkpoints, beside } = found.rows[0];
  if (!events && checkpoints) return 'readModelsOnly';
  return beside ? 'readModelsAmongALog' : undefined;
};
