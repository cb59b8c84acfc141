import Database from 'better-sqlite3';
import { makeDirectory } from '../../make-directory.js';
import { dirname } from 'node:path';
import type { StoreClaim } from '../../store-claim.js';

/** The claim's file in a data directory. */
export const STORE_CLAIM_FILE = 'store-claim.lock';

/**
 * The claim on SQLite: SQLite's own file locks on a file of its own in the data directory, in
 * its default rollback-journal mode, where a read transaction holds a SHARED lock that any number
 * of connections may hold together and an EXCLUSIVE one waits for none. The operating system drops
 * a lock with its process, so a killed instance or job frees the store.
 */
export class SqliteStoreClaim implements StoreClaim {
  private lock: Database.Database | undefined;

  constructor(private readonly file: string) {}

  share(): Promise<boolean> {
    // A read transaction takes its SHARED lock at its first read, and keeps it until it ends.
    return this.hold((lock) => lock.exec('BEGIN').prepare('SELECT count(*) FROM sqlite_master').get());
  }

  takeAlone(): Promise<boolean> {
    return this.hold((lock) => lock.exec('BEGIN EXCLUSIVE'));
  }

  async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    lock?.close(); // closing ends the transaction, and its lock
  }

  private async hold(take: (lock: Database.Database) => unknown): Promise<boolean> {
    if (this.lock) throw new Error('this store claim is held already');
    makeDirectory(dirname(this.file)); // a migrate's target directory may not exist yet
    const lock = new Database(this.file);
    lock.pragma('busy_timeout = 0'); // a claim is asked once: its answer is now, never after a wait
    try {
      take(lock);
      this.lock = lock;
      return true;
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  }
}
