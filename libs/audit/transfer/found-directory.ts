import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lockSqliteFile, unmakeDirectories } from '@cf/event-store';

/** The files holding a SQLite store alone makes before anything is copied into it (its claim and its leadership). */
const HOLDING_FILES = new Set(['store-claim.lock', 'projections.lock']);

/**
 * A SQLite data directory as a job found it, so that a job refused before it made a store there
 * (migrate's checks of its source) takes back the lock files and directories that holding the
 * target made: a refusal leaves the target as it was. A store made there (events.sqlite) stays,
 * marked unfinished, for the job run again to resume.
 */
export class FoundDirectory {
  /** The directories that were not there, deepest first. */
  private readonly missing: string[] = [];
  private readonly names: ReadonlySet<string>;

  constructor(private readonly dir: string) {
    for (let at = dir; !existsSync(at) && at !== dirname(at); at = dirname(at)) this.missing.push(at);
    this.names = new Set(this.missing.length === 0 && statSync(dir).isDirectory() ? readdirSync(dir) : []);
  }

  /** Call once the job released its holds and closed its stores. */
  leaveAsFound(): void {
    if (!existsSync(this.dir) || !statSync(this.dir).isDirectory()) return;
    const names = readdirSync(this.dir);
    if (names.includes('events.sqlite') && !this.names.has('events.sqlite')) return;
    for (const name of names.filter((n) => HOLDING_FILES.has(n) && !this.names.has(n))) {
      // Held by anyone (an instance started on it meanwhile), a lock file stays: removing it would split its holders.
      const probe = lockSqliteFile(join(this.dir, name), 'alone');
      if (!probe) continue;
      rmSync(join(this.dir, name));
      probe.close();
    }
    unmakeDirectories([...this.missing].reverse());
  }
}
