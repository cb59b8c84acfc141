import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { POOL_KEEPALIVE, hearDroppedConnections, schemaMadeIfMissing, underSchemaLock } from '@cf/event-store';
import { KEY_TABLE, type KeyStore, type KeyTables, KyselyKeyStore } from './key-store.js';

/** Creating the same schema or table from two instances at once: the loser sees a duplicate. */
const ignoringDuplicates = async (work: () => Promise<unknown>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!['23505', '42P06', '42P07'].includes(String((error as { code?: string }).code))) throw error;
  }
};

/**
 * Keys in `<schema>.personal_data_keys`, beside the log. Destroying a key runs VACUUM FULL on
 * the (small) table, which rewrites it without the dead row; PostgreSQL's own WAL and any base
 * backups keep the old page until they are recycled — the operator's retention decides that.
 */
export const openPostgresKeyStore = async (connectionString: string, schema: string): Promise<KeyStore> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString, max: 4, options: `-c search_path="${schema}"`, ...POOL_KEEPALIVE } as pg.PoolConfig);
  hearDroppedConnections(pool);
  const db = new Kysely<KeyTables>({ dialect: new PostgresDialect({ pool }) });
  await underSchemaLock(connectionString, async () => {
    await ignoringDuplicates(() => sql.raw(schemaMadeIfMissing(schema)).execute(db));
    await ignoringDuplicates(() => KyselyKeyStore.migrate(db));
  });
  const scrub = async (): Promise<void> => {
    await sql`VACUUM FULL ${sql.table(KEY_TABLE)}`.execute(db);
  };
  return new KyselyKeyStore(db, scrub, () => db.destroy());
};
