import { resolve } from 'node:path';
import { listenHostProblem } from './listen-host.js';
import { databaseSchemaOf, requireUsableDatabaseUrl } from './postgres-address.js';
import { ConfigError } from './config-error.js';

export { ConfigError } from './config-error.js';
export { logSchemaProblem } from './postgres-address.js';

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
  /** Operations per client address per minute sent without a valid bearer token (ANONYMOUS_RATE_LIMIT_PER_MINUTE). */
  anonymousRateLimitPerMinute: number;
  /** Subscriptions live at once on one graphql-ws socket, and of one user over all sockets of this instance. */
  subscriptionsPerSocket: number;
  subscriptionsPerUser: number;
  /** graphql-ws sockets open at once of one user on this instance (SOCKETS_PER_USER). */
  socketsPerUser: number;
  /** Whether `__schema` and `__type` are answered (GRAPHQL_INTROSPECTION; off in production by default). */
  introspection: boolean;
}

/** A shorter HMAC secret could be guessed, and tokens forged with it. */
export const MIN_JWT_SECRET_LENGTH = 32;

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

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): LedgerConfig => {
  const eventStore = (env.EVENT_STORE ?? 'sqlite') as StoreKind;
  if (!STORE_KINDS.includes(eventStore)) {
    throw new ConfigError('EVENT_STORE', `must be one of ${STORE_KINDS.join(', ')} (got "${env.EVENT_STORE}")`);
  }
  if (eventStore === 'postgres' && !env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL', 'is required when EVENT_STORE=postgres (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  if (eventStore === 'postgres') requireUsableDatabaseUrl(env.DATABASE_URL ?? '');
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
  const anonymousRateLimitPerMinute = wholeNumber('ANONYMOUS_RATE_LIMIT_PER_MINUTE', env.ANONYMOUS_RATE_LIMIT_PER_MINUTE, 60, 1);
  const subscriptionsPerSocket = wholeNumber('SUBSCRIPTIONS_PER_SOCKET', env.SUBSCRIPTIONS_PER_SOCKET, 20, 1);
  const subscriptionsPerUser = wholeNumber('SUBSCRIPTIONS_PER_USER', env.SUBSCRIPTIONS_PER_USER, 50, 1);
  const socketsPerUser = wholeNumber('SOCKETS_PER_USER', env.SOCKETS_PER_USER, 50, 1);
  const databaseSchema = databaseSchemaOf(env);
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
    anonymousRateLimitPerMinute,
    subscriptionsPerSocket,
    subscriptionsPerUser,
    socketsPerUser,
    eventStore,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING,
    port,
    host: env.HOST,
    jwtSecret,
  };
};
