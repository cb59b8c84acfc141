import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type EventStore, PostgresEventStore, SqliteEventStore } from '@cf/event-store';
import { KEY_FILE, type KeyStore, openPostgresKeyStore, openSqliteKeyStore } from '@cf/personal-data';

/** An event store and, where it has one, its key store, opened from a store URL. */
export interface OpenedStore {
  store: EventStore;
  /** Undefined when the source has no key store (a SQLite data directory without a key file). */
  openKeys(create: boolean): Promise<KeyStore | undefined>;
  describe: string;
}

/**
 * Store URLs: `sqlite:<data directory>` (events.sqlite and personal-data-keys.sqlite in it) or
 * `postgres://user@host:port/db?schema=<name>` (schema defaults to "ledger", as DATABASE_SCHEMA).
 */
const sqliteDirectory = (url: string): string => resolve(url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));

const postgresTarget = (url: string): { connectionString: string; schema: string; describe: string } => {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'ledger';
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema, describe: `postgres ${parsed.host}${parsed.pathname} schema ${schema}` };
};

/**
 * Refuses a source that holds no store: opening one would create an empty store there, and a
 * mistyped path would then "copy" 0 events and report success.
 */
export const requireStoreAt = async (url: string): Promise<void> => {
  if (url.startsWith('sqlite:')) {
    const dir = sqliteDirectory(url);
    if (!existsSync(join(dir, 'events.sqlite'))) throw new Error(`no store at ${url}: ${dir} holds no events.sqlite`);
    return;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) return; // openStoreUrl names the accepted URLs
  const target = postgresTarget(url);
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const found = await client.query<{ table: string | null }>('SELECT to_regclass($1) AS table', [`"${target.schema}".events`]);
    if (!found.rows[0].table) throw new Error(`no store at ${target.describe}: it has no events table`);
  } finally {
    await client.end().catch(() => undefined);
  }
};

export const openStoreUrl = (url: string): OpenedStore => {
  if (url.startsWith('sqlite:')) {
    const dir = sqliteDirectory(url);
    const keyFile = join(dir, KEY_FILE);
    return {
      store: new SqliteEventStore({ file: join(dir, 'events.sqlite') }),
      openKeys: async (create) => (create || existsSync(keyFile) ? openSqliteKeyStore(keyFile) : undefined),
      describe: `sqlite:${dir}`,
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { connectionString, schema, describe } = postgresTarget(url);
    return {
      store: new PostgresEventStore({ connectionString, schema }),
      openKeys: async () => openPostgresKeyStore(connectionString, schema),
      describe,
    };
  }
  throw new Error(`unknown store URL "${url}": use sqlite:<data directory> or postgres://…?schema=<name>`);
};
