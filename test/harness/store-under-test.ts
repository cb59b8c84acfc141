import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * An empty store of the kind this test run uses (EVENT_STORE: SQLite by default, or
 * PostgreSQL), described as the environment a built API or CLI process reads.
 */
export interface StoreUnderTest {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  /** Deletes the data directory and, on PostgreSQL, the log's and read models' schemas. */
  remove(): Promise<void>;
}

/** Runs statements in turn on the test database as its owner (roles, grants, schemas made beforehand). */
export const asPostgres = async (...statements: string[]): Promise<void> => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
};

export const dropSchemas = async (connectionString: string, schemas: string[]): Promise<void> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
};

/** Whether the test database has a schema of that name (a command that must make none did not). */
export const schemaExists = async (schema: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT to_regnamespace($1) IS NOT NULL AS found', [schema])).rows[0].found as boolean;
  } finally {
    await client.end();
  }
};

/** `name` keeps the schema apart from other specs; the process id keeps it apart from other runs. */
export const freshStore = (name: string, authJwtSecret: string): StoreUnderTest => {
  const dataDir = mkdtempSync(join(tmpdir(), `cf-${name}-`));
  const common = { DATA_DIR: dataDir, AUTH_JWT_SECRET: authJwtSecret };
  if (process.env.EVENT_STORE !== 'postgres') {
    return {
      kind: 'sqlite',
      env: { ...common, EVENT_STORE: 'sqlite' },
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `cf_${name}_${process.pid}`;
  return {
    kind: 'postgres',
    env: { ...common, EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema },
    remove: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await dropSchemas(TEST_DATABASE_URL, [schema, `${schema}_read`]);
    },
  };
};
