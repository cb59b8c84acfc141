import type Database from 'better-sqlite3';
import type { ProjectionLeadership } from '../../projection-leadership.js';
import { lockSqliteFile } from './sqlite-file-lock.js';

/**
 * Leadership on SQLite: a lock held alone on a file of its own in the data directory
 * (lockSqliteFile). The operating system drops the lock with the process, so a killed API frees
 * it; while it runs, a second process (a `cli rebuild`) finds the projections led and leaves them
 * alone instead of emptying the tables under an API that goes on answering as ready.
 */
export class SqliteLeadership implements ProjectionLeadership {
  private lock: Database.Database | undefined;

  constructor(private readonly file: string) {}

  async acquire(): Promise<boolean> {
    // Asked again by the follower's loop: the lock answers at once, never after a wait.
    this.lock ??= lockSqliteFile(this.file, 'alone');
    return this.lock !== undefined;
  }

  async isFree(): Promise<boolean> {
    if (this.lock) return false;
    const lock = lockSqliteFile(this.file, 'alone');
    lock?.close();
    return lock !== undefined;
  }

  async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    lock?.close(); // closing ends the transaction, and its lock
  }
}
