import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireStoreAt } from '@cf/audit';
import { unmakeDirectories } from '@cf/event-store';
import { ConfigError, type LedgerConfig, databaseUrlOf } from '@cf/ledger';
import { reachStore } from '../api/startup-checks.js';
import { requireUsableSqliteFile } from '../api/sqlite-log-file.js';

/** The configured store as a store URL, the form migrate's checks read. */
const storeUrlOf = (config: LedgerConfig): string => {
  if (config.eventStore !== 'postgres') return `sqlite:${config.dataDir}`;
  const url = new URL(databaseUrlOf(config));
  url.searchParams.set('schema', config.databaseSchema);
  return url.toString();
};

/**
 * The log must be there already, as migrate requires of its source: opening a store creates an
 * empty one, so a mistyped DATA_DIR would "export 0 events" or "rebuild from 0 events" and leave
 * new files in the wrong place. On PostgreSQL the equivalent is a schema without an events table
 * (one that does not exist, mostly): DATABASE_SCHEMA is mistyped as easily, and creating the
 * schema there would be the same silent empty store. EventStoreDB keeps its log on its server,
 * which reachStore has reached; an empty one is a log without events, not a wrong setting.
 */
const requireLog = async (config: LedgerConfig): Promise<void> => {
  if (config.eventStore === 'eventstoredb') return;
  await requireStoreAt(storeUrlOf(config)).catch((error: Error) => {
    throw config.eventStore === 'postgres'
      ? new ConfigError(
          'DATABASE_SCHEMA',
          `names a schema that holds no log (${error.message}): name the schema the API uses; none was made`,
        )
      : new ConfigError('DATA_DIR', `holds no log (${error.message}): name the directory the API uses; nothing was written`);
  });
};

/**
 * For the commands that read the log (export, rebuild, verify): the API's start-up checks, so a wrong
 * setting ends with the API's one line naming the variable, and then the log itself. On SQLite a
 * missing DATA_DIR, and an events.sqlite without an events table, are refused before reachStore,
 * which would make the directory or the table (as the API's first start needs). `readOnly`
 * (export, verify): the checks of a store only read, which a role that may only read it passes.
 */
export const reachLog = async (config: LedgerConfig, { readOnly = false } = {}): Promise<void> => {
  const sqlite = config.eventStore === 'sqlite';
  // An events.sqlite that is no log (damaged, another program's) is named as the API names it, not as a mistyped DATA_DIR.
  const log = join(config.dataDir, 'events.sqlite');
  if (sqlite && existsSync(log)) requireUsableSqliteFile(log);
  if (sqlite && (!existsSync(config.dataDir) || existsSync(log))) await requireLog(config);
  const made = await reachStore(config, { readOnly });
  // On PostgreSQL a schema without a log is found only now: the DATA_DIR made for it goes too.
  await requireLog(config).catch((error: unknown) => {
    unmakeDirectories(made);
    throw error;
  });
};
