import { resolve } from 'node:path';
import { listenHostProblem } from './listen-host.js';

export type StoreKind = 'sqlite' | 'postgres' | 'eventstoredb';

/** Everything the service reads from the environment, validated once at start. */
export interface LedgerConfig {
  eventStore: StoreKind;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema of the log; read models go to `<schema>_read`. */
  databaseSchema: string;
  eventStoreConnectionString?: string;
  port: number;
  /** The address listened on (HOST); undefined: every interface. */
  host?: string;
  /** Undefined: a secret is made and kept in DATA_DIR (see auth/jwt-secret.ts). */
  jwtSecret?: string;
  /** Operations per user per minute (each top-level field counts once). */
  rateLimitPerMinute: number;
  /** Subscriptions live at once on one graphql-ws socket, and of one user over all sockets of this instance. */
  subscriptionsPerSocket: number;
  subscriptionsPerUser: number;
  /** Whether `__schema` and `__type` are answered (GRAPHQL_INTROSPECTION; off in production by default). */
  introspection: boolean;
}

/** A shorter HMAC secret could be guessed, and tokens forged with it. */
export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * Why a name cannot be the schema of a log, or undefined when it can: PostgreSQL keeps `pg_*` and
 * information_schema for itself (it refuses to create the first, and would take the log into the
 * second). A name ending in `_read` stays allowed, though another log's read models live under
 * one: a log already kept under such a name would otherwise be locked out, migrate included.
 */
export const logSchemaProblem = (name: string): string | undefined => {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name))
    return `must be a lower-case SQL identifier of at most 41 characters (got "${name}"): the read models go to <schema>_read`;
  if (name.startsWith('pg_') || name === 'information_schema') return `names a schema PostgreSQL keeps for itself (got "${name}")`;
  return undefined;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * The longest wait a Node timer keeps (2^31 - 1 ms, about 24.8 days): a longer one fires at once,
 * with only a TimeoutOverflowWarning, so a setting that becomes a timer is held to it.
 */
export const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A whole number from the environment: the fallback while the variable is unset, otherwise
 * digits only. An empty value is refused like any other bad one, never read as 0 (`PORT=`
 * would then listen on a port picked at random).
 */
export const wholeNumber = (variable: string, given: string | undefined, fallback: number, least: number, most = Infinity): number => {
  if (given === undefined) return fallback;
  const value = /^\d+$/.test(given) ? Number(given) : NaN;
  if (value >= least && value <= most) return value;
  const range = most === Infinity ? `of at least ${least}` : `from ${least} to ${most}`;
  throw new ConfigError(variable, `must be a whole number ${range} (got "${given}")`);
};

/** The PostgreSQL URL of a config whose store needs one (loadConfig has checked it is there). */
export const databaseUrlOf = (config: LedgerConfig): string => {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', `is required when EVENT_STORE=${config.eventStore} uses PostgreSQL`);
  return config.databaseUrl;
};

/** The EventStoreDB connection string (loadConfig has checked it is there for EVENT_STORE=eventstoredb). */
export const eventStoreConnectionOf = (config: LedgerConfig): string => {
  if (!config.eventStoreConnectionString)
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
  return config.eventStoreConnectionString;
};

const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres', 'eventstoredb'];

/** Why DATABASE_URL cannot be used: node-postgres would throw a bare "Invalid URL", far from the variable. */
const databaseUrlProblem = (url: string): string | undefined => {
  if (!/^postgres(ql)?:\/\/[^/\s]+/.test(url))
    return 'must be a postgres:// or postgresql:// URL, e.g. postgres://postgres@127.0.0.1:5432/test';
  if (!URL.canParse(url))
    return 'is not a URL: a port is a number from 1 to 65535, and a user name or password writes @, : and / as %40, %3A and %2F';
  const { username, password } = new URL(url);
  try {
    for (const part of [username, password]) decodeURIComponent(part);
  } catch {
    return 'has a user name or password with a % that starts no escape: write % as %25';
  }
  return undefined;
};

/** `?schema=` in DATABASE_URL, as migrate's store URLs name a schema: taken as DATABASE_SCHEMA. */
const schemaOfUrl = (env: NodeJS.ProcessEnv): string | undefined =>
  env.EVENT_STORE === 'postgres' && env.DATABASE_URL && URL.canParse(env.DATABASE_URL)
    ? (new URL(env.DATABASE_URL).searchParams.get('schema') ?? undefined)
    : undefined;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): LedgerConfig => {
  const eventStore = (env.EVENT_STORE ?? 'sqlite') as StoreKind;
  if (!STORE_KINDS.includes(eventStore)) {
    throw new ConfigError('EVENT_STORE', `must be one of ${STORE_KINDS.join(', ')} (got "${env.EVENT_STORE}")`);
  }
  if (eventStore === 'postgres' && !env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL', 'is required when EVENT_STORE=postgres (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  const urlProblem = eventStore === 'postgres' ? databaseUrlProblem(env.DATABASE_URL ?? '') : undefined;
  if (urlProblem) throw new ConfigError('DATABASE_URL', urlProblem);
  if (eventStore === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      'is required when EVENT_STORE=eventstoredb (e.g. esdb://127.0.0.1:2113?tls=false)',
    );
  }
  const port = wholeNumber('PORT', env.PORT, 3000, 0, 65535);
  const jwtSecret = env.AUTH_JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    throw new ConfigError('AUTH_JWT_SECRET', `must be at least ${MIN_JWT_SECRET_LENGTH} characters long`);
  }
  const rateLimitPerMinute = wholeNumber('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 1200, 1);
  const subscriptionsPerSocket = wholeNumber('SUBSCRIPTIONS_PER_SOCKET', env.SUBSCRIPTIONS_PER_SOCKET, 20, 1);
  const subscriptionsPerUser = wholeNumber('SUBSCRIPTIONS_PER_USER', env.SUBSCRIPTIONS_PER_USER, 50, 1);
  const urlSchema = schemaOfUrl(env);
  const databaseSchema = env.DATABASE_SCHEMA ?? urlSchema ?? 'ledger';
  if (urlSchema !== undefined && urlSchema !== databaseSchema)
    throw new ConfigError('DATABASE_SCHEMA', `is ${databaseSchema} while DATABASE_URL names ?schema=${urlSchema}: name the schema once`);
  const schemaProblem = logSchemaProblem(databaseSchema);
  if (schemaProblem) throw new ConfigError('DATABASE_SCHEMA', schemaProblem);
  const introspection = env.GRAPHQL_INTROSPECTION ?? (env.NODE_ENV === 'production' ? 'off' : 'on');
  if (introspection !== 'on' && introspection !== 'off') {
    throw new ConfigError('GRAPHQL_INTROSPECTION', `must be on or off (got "${introspection}")`);
  }
  const hostProblem = env.HOST === undefined ? undefined : listenHostProblem(env.HOST);
  if (hostProblem) throw new ConfigError('HOST', hostProblem);
  if (env.DATA_DIR === '') throw new ConfigError('DATA_DIR', 'is empty: name a directory, or leave it unset for ./data');
  return {
    introspection: introspection === 'on',
    databaseSchema,
    rateLimitPerMinute,
    subscriptionsPerSocket,
    subscriptionsPerUser,
    eventStore,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING,
    port,
    host: env.HOST,
    jwtSecret,
  };
};
