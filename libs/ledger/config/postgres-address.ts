import { ConfigError } from './config-error.js';

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

/** DATABASE_URL as node-postgres can use it, or a ConfigError saying why not. */
export const requireUsableDatabaseUrl = (url: string): void => {
  const problem = databaseUrlProblem(url);
  if (problem) throw new ConfigError('DATABASE_URL', problem);
};

/** The log's schema: DATABASE_SCHEMA, or `?schema=` in DATABASE_URL (named once), else `ledger`. */
export const databaseSchemaOf = (env: NodeJS.ProcessEnv): string => {
  const urlSchema = schemaOfUrl(env);
  const databaseSchema = env.DATABASE_SCHEMA ?? urlSchema ?? 'ledger';
  if (urlSchema !== undefined && urlSchema !== databaseSchema)
    throw new ConfigError('DATABASE_SCHEMA', `is ${databaseSchema} while DATABASE_URL names ?schema=${urlSchema}: name the schema once`);
  const schemaProblem = logSchemaProblem(databaseSchema);
  // Named where it was written: a schema only the URL names is the URL's to change.
  if (schemaProblem && env.DATABASE_SCHEMA === undefined) throw new ConfigError('DATABASE_URL', `?schema= ${schemaProblem}`);
  if (schemaProblem) throw new ConfigError('DATABASE_SCHEMA', schemaProblem);
  return databaseSchema;
};
