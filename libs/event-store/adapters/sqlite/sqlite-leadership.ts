import Database from 'better-sqlite3';
import { makeDirectory } from '../../make-directory.js';
import { dirname } from 'node:path';
import type { ProjectionLeadership } from '../../projection-leadership.js';

/**
 * Leadership on SQLite: an exclusive lock on a file of its own in the data directory, held by an
 * open transaction. The operating system drops the lock with the process, so a killed API frees it;
 * while it runs, a second process (a `cli rebuild`) finds the projections led and leaves them alone
 * instead of emptying the tables under an API that goes on answering as ready.
 */
export class SqliteLeadership implements ProjectionLeadership {
  private lock: Database.Database | undefined;

  constructor(private readonly file: string) {}

  async acquire(): Promise<boolean> {
    if (this.lock) return true;
    makeDirectory(dirname(this.file)); // a migrate's target directory may not exist yet
    const lock = new Database(this.file);
    lock.pragma('busy_timeout = 0'); // asked again by the follower's loop: never wait here
    try {
      lock.exec('BEGIN EXCLUSIVE');
      this.lock = lock;
      return true;
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    if (!lock) return;
    lock.exec('ROLLBACK');
    lock.close();
  }
}
