import pg from 'pg';
import type { ProjectionLeadership } from '../../projection-leadership.js';
import { advisoryKey } from './advisory-key.js';
import { POOL_KEEPALIVE } from './dropped-connections.js';
import { inTurn, pulseOf } from './statements-in-turn.js';

const RECHECK_MS = 1_000;
/** How often a leader's session says it is alive, and how long PostgreSQL waits for it. */
const PULSE_MS = 2_000;
const LEASE = '10s';
/**
 * How long an ask (or a leader's check) may wait for its answer: a session whose host went silent
 * answers nothing, and TCP would wait a quarter of an hour, so the ask gives up, ends the session
 * and the next asks on a new one (a follower takes the lead a few seconds after its leader is gone).
 */
const ASK_TIMEOUT_MS = 5_000;

/**
 * Leadership as a session-level advisory lock held by a dedicated connection: PostgreSQL
 * releases it the moment that session ends, so a killed leader frees it for a follower. A leader
 * that hangs (stopped, or its event loop stuck) keeps its connection open, though: so the session
 * is a lease. A timer sends a statement every PULSE_MS, and PostgreSQL ends the session once it
 * has been idle for LEASE (idle_session_timeout, PostgreSQL 14 and later; older servers keep the
 * lock until the connection drops), which frees the lock for a follower.
 *
 * A follower asks for the lock on every pass (about once a second) and a readiness probe asks
 * whether it is free: both on one session kept between asks, so neither opens a connection each
 * time (a backend started and ended per ask, on the server every instance shares).
 */
export class PostgresLeadership implements ProjectionLeadership {
  /** The session that holds the lock, while this instance leads. */
  private session: pg.Client | undefined;
  /** The session that asks, kept between asks while this instance does not lead. */
  private asker: pg.Client | undefined;
  private connecting: Promise<pg.Client | undefined> | undefined;
  private pulse: NodeJS.Timeout | undefined;
  private lost = false;
  private checkedAt = 0;
  /** How many times the lead was given back: an acquire that sees it change meanwhile keeps nothing. */
  private releases = 0;

  private readonly key: number;

  /** One leader per log: the lock key is derived from the schema the log lives in. */
  constructor(
    private readonly connectionString: string,
    schema: string,
    private readonly askTimeoutMs = ASK_TIMEOUT_MS,
  ) {
    this.key = advisoryKey(`projections:${schema}`);
  }

  async acquire(): Promise<boolean> {
    if (this.session && (await this.stillHeld())) return true;
    await this.endLead();
    const releases = this.releases;
    const session = await this.askingSession();
    if (!session || !(await this.ask<{ locked: boolean }>(session, 'SELECT pg_try_advisory_lock($1) AS locked'))?.locked) return false;
    this.asker = undefined; // it holds the lock now: it leads, and asks no more
    await inTurn(session, () => session.query(`SET idle_session_timeout = '${LEASE}'`)).catch(() => undefined);
    if (this.releases !== releases) {
      // Given back meanwhile (a stop): the lock just taken goes with its session, not kept by a pulse.
      await session.end().catch(() => undefined);
      return false;
    }
    this.session = session;
    this.lost = false;
    this.checkedAt = Date.now();
    this.pulse = pulseOf(session, PULSE_MS, () => this.lose(session));
    return true;
  }

  /** Whether nobody holds the lock: taken and given back in one statement, so nothing is left held. */
  async isFree(): Promise<boolean> {
    if (this.session) return false;
    const sql = 'SELECT CASE WHEN pg_try_advisory_lock($1) THEN pg_advisory_unlock($1) ELSE false END AS free';
    return (await this.ask<{ free: boolean }>(await this.askingSession(), sql))?.free === true;
  }

  async release(): Promise<void> {
    this.releases += 1;
    await this.endLead();
    await this.connecting; // a session being opened is ended with the other
    const asker = this.asker;
    this.asker = undefined;
    await asker?.end().catch(() => undefined);
  }

  private async endLead(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    clearInterval(this.pulse);
    await session?.end().catch(() => undefined);
  }

  private askingSession(): Promise<pg.Client | undefined> {
    if (this.asker) return Promise.resolve(this.asker);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** One row, or undefined while the database cannot be reached: nobody here leads until it is back. */
  private async ask<T>(session: pg.Client | undefined, sql: string): Promise<T | undefined> {
    if (!session) return undefined;
    try {
      return (await inTurn(session, () => session.query<T & pg.QueryResultRow>(sql, [this.key]))).rows[0];
    } catch {
      this.lose(session);
      void session.end().catch(() => undefined); // not awaited: a silent host would not answer its goodbye either
      return undefined;
    }
  }

  private async connect(): Promise<pg.Client | undefined> {
    const session = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 10_000,
      query_timeout: this.askTimeoutMs,
      ...POOL_KEEPALIVE,
    });
    session.on('error', () => this.lose(session));
    session.on('end', () => this.lose(session));
    try {
      await session.connect();
      this.asker = session;
      return session;
    } catch {
      await session.end().catch(() => undefined);
      return undefined;
    }
  }

  /** A session that failed or ended: the lead it held is lost at once; an asking one is opened anew at the next ask. */
  private lose(session: pg.Client): void {
    if (this.session === session) this.lost = true;
    if (this.asker === session) this.asker = undefined;
  }

  /**
   * A session that ended or failed has lost the lock at once (its events say so); one that went
   * silent is asked once a second, not on every page, so the check costs no round trip per command.
   */
  private async stillHeld(): Promise<boolean> {
    if (!this.session || this.lost) return false;
    if (Date.now() - this.checkedAt < RECHECK_MS) return true;
    try {
      const session = this.session;
      await inTurn(session, () => session.query('SELECT 1'));
      this.checkedAt = Date.now();
      return true;
    } catch {
      return false;
    }
  }
}
