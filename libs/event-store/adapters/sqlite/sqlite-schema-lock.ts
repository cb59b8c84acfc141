import Database from 'better-sqlite3';

const WAIT_MS = 30_000;

/**
 * Runs schema work (CREATE ... IF NOT EXISTS, a version's rebuild, the checkpoints' seeding) while
 * holding an exclusive lock on a file of its own: two processes starting on one data directory
 * at once had one of them fail with "database is locked" (a read that turned into a write after
 * the other's write), so they take turns, as instances on PostgreSQL do under their advisory lock.
 * The lock is asked for without waiting inside SQLite, which would block this process's event
 * loop (and with it a holder in the same process): the turn is awaited here instead.
 */
export const underSqliteSchemaLock = async <T>(file: string, work: () => Promise<T>): Promise<T> => {
  const lock = new Database(file);
  lock.pragma('busy_timeout = 0');
  try {
    for (const deadline = Date.now() + WAIT_MS; ;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
      }
    }
    return await work();
  } finally {
    if (lock.inTransaction) lock.exec('ROLLBACK');
    lock.close();
  }
};
