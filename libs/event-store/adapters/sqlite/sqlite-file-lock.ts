import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { makeDirectory } from '../../make-directory.js';

/** How a lock file is held: shared with other holders, or alone. */
export type SqliteLockMode = 'shared' | 'alone';

/**
 * A lock held by an open transaction on a SQLite file of its own, in SQLite's default
 * rollback-journal mode: a read transaction holds a SHARED lock any number of connections may
 * hold together, an EXCLUSIVE one waits for none. The operating system drops it with its process.
 * Answers the connection that holds it (closing it frees the lock), or undefined while another
 * holds it in a way that excludes this one: asked once, never after a wait.
 */
export const lockSqliteFile = (file: string, mode: SqliteLockMode): Database.Database | undefined => {
  makeDirectory(dirname(file)); // a migrate's target directory may not exist yet
  const lock = new Database(file);
  lock.pragma('busy_timeout = 0');
  try {
    // A read transaction takes its SHARED lock at its first read, and keeps it until it ends.
    if (mode === 'shared') lock.exec('BEGIN').prepare('SELECT count(*) FROM sqlite_master').get();
    else lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
};

/**
 * lockSqliteFile asked again every `pollMs` until it is given, or until `ms` have passed and it
 * was asked `ms / pollMs` times (undefined then): for locks another holds only for a while (a
 * start's probe, a newcomer keeping its secret). Both, so that a start whose event loop was busy
 * (opening the store) still asks as often as it would have had it waited idle.
 */
export const lockSqliteFileWithin = async (
  file: string,
  mode: SqliteLockMode,
  ms: number,
  pollMs: number,
): Promise<Database.Database | undefined> => {
  const end = Date.now() + ms;
  for (let asked = 1; ; asked++, await new Promise((resolve) => setTimeout(resolve, pollMs))) {
    const held = lockSqliteFile(file, mode);
    if (held || (Date.now() >= end && asked * pollMs >= ms)) return held;
  }
};
