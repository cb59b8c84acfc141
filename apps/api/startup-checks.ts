import { accessSync, constants, existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { UnfinishedFill, logPlaceProblem, makeDirectory, unmakeDirectories } from '@cf/event-store';
import { ConfigError, type LedgerConfig, StoreHeldByJob, databaseUrlOf, openEventStore } from '@cf/ledger';
import { answeredWithin } from './health/answered-within.js';
import { requireUsableSqliteFiles } from './sqlite-log-file.js';
import { requireSchemaPrivileges } from './schema-privileges.js';

/** Where DATABASE_URL points, without its password: what a message may repeat. */
const describeDatabase = (url: string): { at: string; database: string; user: string } => {
  const parsed = new URL(url);
  return {
    at: `${parsed.hostname}:${parsed.port || '5432'}`,
    database: parsed.pathname.slice(1) || '(default)',
    user: decodeURIComponent(parsed.username) || '(default)',
  };
};

/** A failed connection as the one thing to change in DATABASE_URL. */
const databaseProblem = (error: unknown, url: string): ConfigError => {
  const { code, message } = error as { code?: string; message?: string };
  const { at, database, user } = describeDatabase(url);
  const why: Record<string, string> = {
    ECONNREFUSED: `reaches nothing at ${at}: is PostgreSQL running there, on that port?`,
    ETIMEDOUT: `gets no answer from ${at} within 5 s`,
    ENOTFOUND: `names a host that does not resolve (${at})`,
    EAI_AGAIN: `names a host that does not resolve (${at})`,
    '3D000': `names database "${database}", which does not exist at ${at}`,
    '28000': `names user "${user}", whom PostgreSQL at ${at} refused (${message})`,
    '28P01': `has a password PostgreSQL at ${at} refused for user "${user}"`,
  };
  return new ConfigError(
    'DATABASE_URL',
    why[code ?? ''] ?? `could not be used: ${message ?? String(error)} (${at}, database "${database}")`,
  );
};

/** EventStoreDB answers a read of its head within 5 s, or the start ends naming EVENTSTORE_CONNECTION_STRING. */
const reachEventStoreDb = async (config: LedgerConfig): Promise<void> => {
  let store: ReturnType<typeof openEventStore> | undefined;
  try {
    store = openEventStore(config); // a connection string it cannot parse is refused here too
    await answeredWithin(store.headPosition(), 5_000, 'EventStoreDB');
  } catch (error) {
    // The gRPC client's message is one line of why (e.g. "14 UNAVAILABLE: … connect ECONNREFUSED 127.0.0.1:2113").
    const why = String((error as Error).message ?? error).split('\n')[0];
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', `reaches no EventStoreDB that answers: ${why}`);
  } finally {
    await store?.close().catch(() => undefined);
  }
};

const notADataDir = (config: LedgerConfig, error: unknown): ConfigError =>
  new ConfigError(
    'DATA_DIR',
    `is not a directory this process can write (${config.dataDir}: ${(error as { code?: string }).code ?? 'refused'})`,
  );

/**
 * Reaches the configured store before anything starts, so a wrong setting ends the start with
 * one line naming the variable instead of a driver's stack trace from deep inside. Answers the
 * directories it made (DATA_DIR and those above it): a start refused later removes them again.
 */
export const reachStore = async (config: LedgerConfig, { readOnly = false } = {}): Promise<string[]> => {
  // Only reading a log on PostgreSQL (export, verify: an auditor's role), it makes and needs nothing beyond the log
  // (SQLite's is DATA_DIR); a DATA_DIR that is there and no directory is a wrong setting all the same.
  if (readOnly && config.eventStore === 'postgres') {
    if (existsSync(config.dataDir) && !statSync(config.dataDir).isDirectory()) throw notADataDir(config, { code: 'ENOTDIR' });
    await reachConfiguredStore(config, readOnly);
    return [];
  }
  let made: string[] = [];
  try {
    made = makeDirectory(config.dataDir);
    accessSync(config.dataDir, constants.W_OK);
  } catch (error) {
    unmakeDirectories(made);
    throw notADataDir(config, error);
  }
  // A store that cannot be reached leaves no empty DATA_DIR behind, as every other refused setting does.
  await reachConfiguredStore(config).catch((error: unknown) => {
    unmakeDirectories(made);
    throw error;
  });
  return made;
};

const reachConfiguredStore = async (config: LedgerConfig, readOnly = false): Promise<void> => {
  if (config.eventStore !== 'postgres') requireUsableSqliteFiles(config.dataDir, config.eventStore === 'sqlite');
  if (config.eventStore === 'eventstoredb') return reachEventStoreDb(config);
  if (config.eventStore !== 'postgres') return;
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  let problem: Awaited<ReturnType<typeof logPlaceProblem>>;
  try {
    await client.connect();
    problem = await logPlaceProblem(client, config.databaseSchema);
    // Read only, the log's schema alone is used: an auditor's role has no read models.
    const schemas = readOnly ? [config.databaseSchema] : [config.databaseSchema, `${config.databaseSchema}_read`];
    await requireSchemaPrivileges(client, schemas, { ...describeDatabase(databaseUrlOf(config)), readOnly });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw databaseProblem(error, databaseUrlOf(config));
  } finally {
    await client.end().catch(() => undefined);
  }
  if (problem === 'readModelsOnly')
    throw new ConfigError(
      'DATABASE_SCHEMA',
      `names ${config.databaseSchema}, which holds another log's read models and no log (its log is in the schema without _read): name the log's own schema; nothing was written`,
    );
  if (problem === 'readModelsAmongALog')
    throw new ConfigError(
      'DATABASE_SCHEMA',
      `names ${config.databaseSchema}, whose read models would go to ${config.databaseSchema}_read, which holds another log: move that log to a schema not named …_read (cli migrate), or name another schema; nothing was written`,
    );
};

/** The one line a failed start prints: the variable and what was wrong, when it is a setting. */
export const startupProblem = (error: unknown, config: LedgerConfig | undefined): string | undefined => {
  if (error instanceof ConfigError || error instanceof StoreHeldByJob || error instanceof UnfinishedFill) return error.message;
  const { code } = error as { code?: string };
  if (config && code === 'EADDRINUSE')
    return new ConfigError('PORT', `${config.port} is already in use by another process; set PORT to a free port`).message;
  if (config && code === 'EACCES' && (error as { syscall?: string }).syscall === 'listen') {
    return new ConfigError('PORT', `${config.port} may not be opened by this user; use a port above 1023`).message;
  }
  return undefined;
};
