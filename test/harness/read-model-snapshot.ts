import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadConfig, openReadModels } from '@cf/ledger';
import { repositoryPath } from './repository-path.js';

const CLI = repositoryPath('dist/apps/cli/main.js');

/** Checkpoints say how far each projection got, not what it holds; a rebuild resets them anyway. */
const NOT_A_READ_MODEL = 'projection_checkpoints';

/**
 * Every row of every read-model table, in a stable order, of the store the environment names
 * (SQLite in DATA_DIR, or `<DATABASE_SCHEMA>_read` on PostgreSQL). Take it with the API stopped,
 * or caught up and idle.
 */
export const readModelSnapshot = async (env: Record<string, string>): Promise<Record<string, string[]>> => {
  const config = loadConfig(env);
  const db = await openReadModels(config);
  try {
    const schema = config.eventStore === 'postgres' ? `${config.databaseSchema}_read` : undefined;
    // PostgreSQL lists the tables of every schema; SQLite has one schema and names none.
    const tables = (await db.introspection.getTables())
      .filter((table) => !table.isView && table.schema === schema && table.name !== NOT_A_READ_MODEL)
      .map((table) => table.name)
      .sort();
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
