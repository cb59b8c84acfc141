import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
export const openStoreUrl = (url: string): OpenedStore => {
  if (url.startsWith('sqlite:')) {
    const dir = resolve(url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
    const keyFile = join(dir, KEY_FILE);
    return {
      store: new SqliteEventStore({ file: join(dir, 'events.sqlite') }),
      openKeys: async (create) => (create || existsSync(keyFile) ? openSqliteKeyStore(keyFile) : undefined),
      describe: `sqlite:${dir}`,
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? 'ledger';
    parsed.searchParams.delete('schema');
    const connectionString = parsed.toString();
    return {
      store: new PostgresEventStore({ connectionString, schema }),
      openKeys: async () => openPostgresKeyStore(connectionString, schema),
      describe: `postgres ${parsed.host}${parsed.pathname} schema ${schema}`,
    };
  }
  throw new Error(`unknown store URL "${url}": use sqlite:<data directory> or postgres://…?schema=<name>`);
};
