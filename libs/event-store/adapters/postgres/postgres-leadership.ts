import pg from 'pg';
import type { ProjectionLeadership } from '../../projection-leadership.js';
import { advisoryKey } from './advisory-key.js';
import { POOL_KEEPALIVE } from './dropped-connections.js';

const RECHECK_MS = 1_000;
/** How often a leader's session says it is alive, and how long PostgreSQL waits for it. */
const PULSE_MS = 2_000;
const LEASE = '10s';

/**
 * Leadership as a session-level advisory lock held by a dedicated connection: PostgreSQL
 * releases it the moment that session ends, so a killed leader frees it for a follower. A leader
 * that hangs (stopped, or its event loop stuck) keeps its connection open, though: so the session
 * is a lease. A timer sends a statement every PULSE_MS, and PostgreSQL ends the session once it
 * has been idle for LEASE (idle_session_timeout, PostgreSQL 14 and later; older servers keep the
 * lock until the connection drops), which frees the lock for a follower.
 */
export class PostgresLeadership implements ProjectionLeadership {
  private session: pg.Client | undefined;
  private pulse: NodeJS.Timeout | undefined;
  private lost = false;
  private checkedAt = 0;

  private readonly key: number;

  /** One leader per log: the lock key is derived from the schema the log lives in. */
  constructor(
    private readonly connectionString: string,
    schema: string,
  ) {
    this.key = advisoryKey(`projections:${schema}`);
  }

  async acquire(): Promise<boolean> {
    if (this.session && (await this.stillHeld())) return true;
    await this.release();
    const session = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000, ...POOL_KEEPALIVE });
    this.lost = false;
    const lose = (): void => {
      if (this.session === session) this.lost = true;
    };
    session.on('error', lose);
    session.on('end', lose);
    try {
      await session.connect();
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [this.key]);
      if (rows[0].locked) {
        await session.query(`SET idle_session_timeout = '${LEASE}'`).catch(() => undefined);
        this.session = session;
        this.checkedAt = Date.now();
        this.pulse = setInterval(() => void session.query('SELECT 1').catch(lose), PULSE_MS).unref();
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
    clearInterval(this.pulse);
    await session?.end().catch(() => undefined);
  }

  /**
   * A session that ended or failed has lost the lock at once (its events say so); one that went
   * silent is asked once a second, not on every page, so the check costs no round trip per command.
   */
  private async stillHeld(): Promise<boolean> {
    if (!this.session || this.lost) return false;
    if (Date.now() - this.checkedAt < RECHECK_MS) return true;
    try {
      await this.session.query('SELECT 1');
      this.checkedAt = Date.now();
      return true;
    } catch {
      return false;
    }
  }
}
