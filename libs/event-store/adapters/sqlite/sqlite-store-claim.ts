import type Database from 'better-sqlite3';
import type { StoreClaim } from '../../store-claim.js';
import { type SqliteLockMode, lockSqliteFile } from './sqlite-file-lock.js';

/** The claim's file in a data directory. */
export const STORE_CLAIM_FILE = 'store-claim.lock';

/**
 * The claim on SQLite: a lock on a file of its own in the data directory (lockSqliteFile), held
 * shared by each instance and alone by a job; a killed instance or job frees the store.
 */
export class SqliteStoreClaim implements StoreClaim {
  private lock: Database.Database | undefined;

  constructor(private readonly file: string) {}

  share(): Promise<boolean> {
    return this.hold('shared');
  }

  takeAlone(): Promise<boolean> {
    return this.hold('alone');
  }

  async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    lock?.close(); // closing ends the transaction, and its lock
  }

  held(): boolean {
    return this.lock !== undefined;
  }

  private async hold(mode: SqliteLockMode): Promise<boolean> {
    if (this.lock) throw new Error('this store claim is held already');
    this.lock = lockSqliteFile(this.file, mode);
    return this.lock !== undefined;
  }
}
