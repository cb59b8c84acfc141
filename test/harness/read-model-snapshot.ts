import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { REBUILDS_TABLE } from '@cf/event-store';
import { loadConfig, openReadModels } from '@cf/ledger';
import { repositoryPath } from './repository-path.js';

const CLI = repositoryPath('dist/apps/cli/main.js');

/**
 * Checkpoints say how far each projection got, not what it holds (a rebuild resets them anyway);
 * the rebuilds table, how far each had got when it was last rebuilt, which a rebuild itself records.
 */
const NOT_READ_MODELS = ['projection_checkpoints', REBUILDS_TABLE];

/**
 * Every row of every read-model table, in a stable order, of the store the environment names
 * (SQLite in DATA_DIR, or `<DATABASE_SCHEMA>_read` on PostgreSQL). Take it with the API stopped,
 * or caught up and idle.
 */
export const readModelSnapshot = async (env: Record<string, string>): Promise<Record<string, string[]>> => {
  const config = loadConfig(env);
  const db = await openReadModels(config);
  try {
    // Only this store's own catalogue: Kysely's introspection walks every schema of the database,
    // and fails when another test drops its schema in the middle of that walk.
    const listed =
      config.eventStore === 'postgres'
        ? sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = ${`${config.databaseSchema}_read`} and table_type = 'BASE TABLE'`
        : sql<{ name: string }>`select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_'`;
    const tables = (await listed.execute(db)).rows
      .map((table) => table.name)
      .filter((name) => !NOT_READ_MODELS.includes(name))
      .sort();
    // An empty list would make every comparison of snapshots pass: a wrong schema name must fail.
    if (tables.length === 0) throw new Error(`no read-model tables found for ${config.eventStore}`);
    const snapshot: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await db.selectFrom(table).selectAll().execute();
      snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  } finally {
    await db.destroy();
  }
};

/** `cli rebuild` of the built app: empties every projection and replays the whole log. */
export const rebuildReadModels = async (env: Record<string, string>): Promise<void> => {
  await promisify(execFile)(process.execPath, [CLI, 'rebuild'], { env: { ...process.env, ...env } });
};
