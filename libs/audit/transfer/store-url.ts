import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type EventStore,
  PostgresEventStore,
  PostgresLeadership,
  PostgresStoreClaim,
  type ProjectionLeadership,
  SqliteLeadership,
  SqliteStoreClaim,
  STORE_CLAIM_FILE,
  type StoreClaim,
  type ReadModelDb,
  SqliteEventStore,
  openPostgresReadModels,
  openSqliteReadModels,
} from '@cf/event-store';
import { FoundDirectory } from './found-directory.js';
import { postgresHas, whyPostgresUnusable } from './postgres-place.js';
import { logSchemaProblem } from '@cf/ledger';
import { KEY_FILE, type KeyStore, openPostgresKeyStore, openSqliteKeyStore } from '@cf/personal-data';

/** An event store and, where it has one, its key store, opened from a store URL. */
export interface OpenedStore {
  /** Opened when first used: a store refused before it is used (migrate's checks) is not created. */
  readonly store: EventStore;
  /** Closes the store if it was opened. */
  closeStore(): Promise<void>;
  /** Undefined when the source has no key store (a SQLite data directory without a key file). */
  openKeys(create: boolean): Promise<KeyStore | undefined>;
  /** Its read models; undefined when `create` is false and it has none (a store never served). */
  openReadModels(create: boolean): Promise<ReadModelDb | undefined>;
  /** The projections' leadership an API instance serving the store holds (its advisory lock, or its data directory's lock file). */
  leadership: ProjectionLeadership;
  /** Who uses the store: each API instance serving it holds a share (StoreClaim). */
  claim: StoreClaim;
  /**
   * Why the store's server cannot be reached, or its place holds no log but another log's read
   * models (a PostgreSQL `<schema>_read`), or, `asTarget`, its own `<schema>_read` holds another
   * log; undefined when it can be used (a SQLite directory always can).
   */
  whyUnusable(asTarget?: boolean): Promise<string | undefined>;
  /** Once released and closed: takes back what holding it made where no store was made (FoundDirectory; nothing on PostgreSQL). */
  leaveAsFound(): void;
  describe: string;
}

/**
 * Store URLs: `sqlite:<data directory>` (events.sqlite and personal-data-keys.sqlite in it) or
 * `postgres://user@host:port/db?schema=<name>` (schema defaults to "ledger", as DATABASE_SCHEMA).
 * A data directory is taken as an absolute path, through symlinks when it exists: one directory
 * has one name.
 */
const sqliteDirectory = (url: string): string => {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  // As DATA_DIR= is: the working directory is more likely a slip than the store meant.
  if (path === '') throw new Error('sqlite: names no directory: write sqlite:<data directory> (sqlite:. for this one)');
  const dir = resolve(path);
  return existsSync(dir) ? realpathSync(dir) : dir;
};

const postgresTarget = (url: string): { connectionString: string; schema: string; describe: string } => {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'ledger';
  const problem = logSchemaProblem(schema);
  if (problem) throw new Error(`the store URL's ?schema= ${problem}`);
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
    if (!SqliteEventStore.holdsLog(join(dir, 'events.sqlite')))
      throw new Error(`no store at ${url}: its events.sqlite has no events table`);
    return;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) return; // openStoreUrl names the accepted URLs
  const target = postgresTarget(url);
  const found = await postgresHas(target.connectionString, 'to_regclass', `"${target.schema}".events`).catch((error: Error) => {
    throw new Error(`cannot reach ${target.describe} (${error.message})`);
  });
  if (!found) throw new Error(`no store at ${target.describe}: it has no events table`);
};

export const openStoreUrl = (url: string): OpenedStore => {
  if (url.startsWith('sqlite:')) {
    const dir = sqliteDirectory(url);
    const keyFile = join(dir, KEY_FILE);
    const readModels = join(dir, 'read-models.sqlite');
    const found = new FoundDirectory(dir);
    let store: EventStore | undefined;
    return {
      get store() {
        return (store ??= new SqliteEventStore({ file: join(dir, 'events.sqlite') }));
      },
      closeStore: async () => store?.close(),
      openKeys: async (create) => (create || existsSync(keyFile) ? openSqliteKeyStore(keyFile) : undefined),
      openReadModels: async (create) => (create || existsSync(readModels) ? openSqliteReadModels(readModels) : undefined),
      leadership: new SqliteLeadership(join(dir, 'projections.lock')),
      claim: new SqliteStoreClaim(join(dir, STORE_CLAIM_FILE)),
      whyUnusable: async () => undefined,
      leaveAsFound: () => found.leaveAsFound(),
      describe: `sqlite:${dir}`,
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { connectionString, schema, describe } = postgresTarget(url);
    let store: EventStore | undefined;
    return {
      get store() {
        return (store ??= new PostgresEventStore({ connectionString, schema }));
      },
      closeStore: async () => store?.close(),
      openKeys: async () => openPostgresKeyStore(connectionString, schema),
      // Beside the log in `<schema>_read`, as the API keeps them.
      openReadModels: async (create) =>
        create || (await postgresHas(connectionString, 'to_regnamespace', `${schema}_read`))
          ? openPostgresReadModels(connectionString, `${schema}_read`)
          : undefined,
      leadership: new PostgresLeadership(connectionString, schema),
      claim: new PostgresStoreClaim(connectionString, schema),
      whyUnusable: (asTarget = false) => whyPostgresUnusable(connectionString, schema, asTarget),
      // Its claim and leadership are advisory locks: holding them makes nothing.
      leaveAsFound: () => undefined,
      describe,
    };
  }
  throw new Error(`unknown store URL "${url}": use sqlite:<data directory> or postgres://…?schema=<name>`);
};
