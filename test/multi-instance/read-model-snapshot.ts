import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const CLI = fileURLToPath(new URL('../../dist/apps/cli/main.js', import.meta.url));

/** Every row of every read-model table of a PostgreSQL schema, in a stable order. */
export const readModelSnapshot = async (connectionString: string, schema: string): Promise<Record<string, unknown[]>> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'projection_checkpoints' ORDER BY table_name`, [schema]);
    const snapshot: Record<string, unknown[]> = {};
    for (const { table_name } of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${schema}"."${table_name}"`);
      snapshot[table_name] = rows.rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  } finally {
    await client.end();
  }
};

/** `cli rebuild` of the built app: empties every projection and replays the whole log. */
export const rebuildReadModels = async (env: Record<string, string>): Promise<void> => {
  await promisify(execFile)(process.execPath, [CLI, 'rebuild'], { env: { ...process.env, ...env } });
};
