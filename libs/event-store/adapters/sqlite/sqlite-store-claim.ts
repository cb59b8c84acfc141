import type Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoreClaim } from '../../store-claim.js';
import { type SqliteLockMode, lockSqliteFile, lockSqliteFileWithin } from './sqlite-file-lock.js';

/** The claim's file in a data directory. */
export const STORE_CLAIM_FILE = 'store-claim.lock';

/** A share's mark of its secret: a lock file per mark, held shared beside the claim's. */
const SECRET_MARK_FILE = /^secret-mark-(\d+)\.lock$/;

/**
 * The claim on SQLite: a lock on a file of its own in the data directory (lockSqliteFile), held
 * shared by each instance and alone by a job; a killed instance or job frees the store. A share
 * also holds the lock file of its secret's mark; a mark's file is left when its last holder ends
 * (removing it could pull it from under an instance starting with it), and is live only while held.
 */
export class SqliteStoreClaim implements StoreClaim {
  private lock: Database.Database | undefined;
  private markLock: Database.Database | undefined;

  constructor(
    private readonly file: string,
    private readonly secretMark?: number,
  ) {}

  share(): Promise<boolean> {
    return this.hold('shared');
  }

  takeAlone(): Promise<boolean> {
    return this.hold('alone');
  }

  async release(): Promise<void> {
    const [lock, markLock] = [this.lock, this.markLock];
    [this.lock, this.markLock] = [undefined, undefined];
    markLock?.close();
    lock?.close(); // closing ends the transaction, and its lock
  }

  async otherSecretMarks(): Promise<number[]> {
    const marks = readdirSync(dirname(this.file)).flatMap((name) => {
      const mark = SECRET_MARK_FILE.exec(name)?.[1];
      return mark === undefined || Number(mark) === this.secretMark ? [] : [Number(mark)];
    });
    // Held by nobody, a mark's file can be locked alone: its holders have ended.
    return marks.filter((mark) => {
      const probe = lockSqliteFile(this.markFile(mark), 'alone');
      probe?.close();
      return probe === undefined;
    });
  }

  private markFile(mark: number): string {
    return join(dirname(this.file), `secret-mark-${mark}.lock`);
  }

  held(): boolean {
    return this.lock !== undefined;
  }

  private async hold(mode: SqliteLockMode): Promise<boolean> {
    if (this.lock) throw new Error('this store claim is held already');
    this.lock = lockSqliteFile(this.file, mode);
    if (this.lock && mode === 'shared' && this.secretMark !== undefined) {
      // A share whose mark is not shown would serve unseen by the starts it should refuse: not held.
      this.markLock = await this.holdMark(this.secretMark).catch(async (error: unknown) => {
        await this.release();
        throw error;
      });
    }
    return this.lock !== undefined;
  }

  /** Shared, the mark's file is refused only for the instant another start probes it alone: asked again. */
  private async holdMark(mark: number): Promise<Database.Database> {
    const held = await lockSqliteFileWithin(this.markFile(mark), 'shared', 1_000, 10);
    if (held) return held;
    throw new Error(`the lock file of this instance's secret mark (${this.markFile(mark)}) stayed held alone for a second`);
  }
}
