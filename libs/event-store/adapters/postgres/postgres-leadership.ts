import pg from 'pg';
import type { ProjectionLeadership } from '../../projection-leadership.js';
import { createHash } from 'node:crypto';

/**
 * Leadership as a session-level advisory lock held by a dedicated connection: PostgreSQL
 * releases it the moment that session ends, so a killed leader frees it for a follower.
 */
export class PostgresLeadership implements ProjectionLeadership {
  private session: pg.Client | undefined;

  private readonly key: number;

  /** One leader per log: the lock key is derived from the schema the log lives in. */
  constructor(
    private readonly connectionString: string,
    schema: string,
  ) {
    this.key = createHash('sha256').update(`projections:${schema}`).digest().readInt32BE(0);
  }

  async acquire(): Promise<boolean> {
    if (this.session && (await this.stillHeld())) return true;
    await this.release();
    const session = new pg.Client({ connectionString: this.connectionString });
    session.on('error', () => undefined);
    try {
      await session.connect();
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [this.key]);
      if (rows[0].locked) {
        this.session = session;
        return true;
      }
    } catch {
      // The database is unreachable: nobody here leads until it is back.
    }
    await session.end().catch(() => undefined);
    return false;
  }

  async release(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  private async stillHeld(): Promise<boolean> {
    if (!this.session) return false;
    try {
      await this.session.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
