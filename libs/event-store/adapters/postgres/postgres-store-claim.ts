import { advisoryKey } from './advisory-key.js';
import { POOL_KEEPALIVE } from './dropped-connections.js';
import pg from 'pg';
import { SECRET_MARKS, type StoreClaim } from '../../store-claim.js';

/**
 * The claim on PostgreSQL: a session-level advisory lock on a key of the log's schema, taken
 * shared by each instance and exclusively by a job, on a connection of its own held while the
 * claim is. PostgreSQL frees it when that session ends, so a killed instance or job frees the store.
 * An instance whose session is lost (the server restarted, the session was terminated) takes its
 * share again on a new session, once a second until it has it, so a job started later is refused
 * again; the projections' leadership, which jobs ask for too, shows the leader meanwhile.
 */
const RETAKE_MS = 1_000;

export class PostgresStoreClaim implements StoreClaim {
  private session: pg.Client | undefined;
  private retaking: NodeJS.Timeout | undefined;
  private retaken: Promise<unknown> | undefined;
  private released = false;
  private readonly key: number;
  /** A share holds a second lock, on the pair (secretSpace, its secret's mark): pg_locks lists the pairs held. */
  private readonly secretSpace: number;

  constructor(
    private readonly connectionString: string,
    schema: string,
    private readonly secretMark?: number,
  ) {
    this.key = advisoryKey(`store claim:${schema}`);
    this.secretSpace = advisoryKey(`secret marks:${schema}`) & SECRET_MARKS;
  }

  share(): Promise<boolean> {
    this.released = false;
    return this.holdShare();
  }

  takeAlone(): Promise<boolean> {
    return this.hold('pg_try_advisory_lock');
  }

  async release(): Promise<void> {
    this.released = true;
    clearTimeout(this.retaking);
    await this.retaken; // a retake under way ends first, or its session would outlive the release
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  held(): boolean {
    return this.session !== undefined;
  }

  async otherSecretMarks(): Promise<number[]> {
    if (!this.session) return [];
    // A lock on a pair of int4 keys is listed with the first as classid and the second as objid.
    const { rows } = await this.session.query<{ mark: string }>(
      `SELECT DISTINCT objid::bigint AS mark FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 2 AND granted AND classid = $1::bigint::oid
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [this.secretSpace],
    );
    return rows.map((row) => Number(row.mark)).filter((mark) => mark !== this.secretMark);
  }

  private async holdShare(): Promise<boolean> {
    const held = await this.hold('pg_try_advisory_lock_shared');
    const session = this.session;
    if (held) session?.once('end', () => this.session === session && this.retakeShare());
    return held;
  }

  /**
   * Whether a share taken again is still the only secret serving: while its session was lost, an
   * instance with another secret may have started unseen. Then this one lets its share go, and its
   * commands are refused (holdsStore), until that one stops.
   */
  private async markStillAlone(): Promise<boolean> {
    if (this.secretMark === undefined) return true;
    const others = await this.otherSecretMarks().catch(() => [0]);
    if (others.length === 0) return true;
    const session = this.session;
    this.session = undefined; // before the end, so that its listener leaves the retaking to the caller
    await session?.end().catch(() => undefined);
    return false;
  }

  /** A share whose session ended without release() is taken again, until it is held or released. */
  private retakeShare(): void {
    this.session = undefined;
    if (this.released) return;
    this.retaking = setTimeout(() => {
      this.retaking = undefined;
      this.retaken = this.holdShare()
        .then(
          async (held) => (held && (await this.markStillAlone())) || this.retakeShare(),
          () => this.retakeShare(),
        )
        .finally(() => (this.retaken = undefined));
    }, RETAKE_MS).unref();
  }

  private async hold(lock: 'pg_try_advisory_lock_shared' | 'pg_try_advisory_lock'): Promise<boolean> {
    if (this.session) throw new Error('this store claim is held already');
    // Named in pg_stat_activity, and kept: a dead peer is noticed within a minute or so (keepAlive
    // probes after 10 s idle), a server-wide idle timeout does not end it.
    const session = new pg.Client({
      connectionString: this.connectionString,
      ...POOL_KEEPALIVE,
      connectionTimeoutMillis: 5_000,
      application_name: 'ledger store claim',
    });
    session.on('error', () => undefined); // a lost session frees the lock; without a listener it would end the process
    let ended = false;
    session.once('end', () => (ended = true));
    try {
      await session.connect();
      const { rows } = await session.query<{ held: boolean }>(`SELECT ${lock}($1) AS held`, [this.key]);
      if (rows[0].held) {
        await session.query('SET idle_session_timeout = 0').catch(() => undefined); // PostgreSQL 14 and later
        if (lock === 'pg_try_advisory_lock_shared' && this.secretMark !== undefined)
          await session.query('SELECT pg_advisory_lock_shared($1, $2)', [this.secretSpace, this.secretMark]);
        // Lost before it was kept, its lock went with it: not held (a share is taken again).
        if (ended) throw new Error('the session holding the store claim ended as it was taken');
        this.session = session;
        return true;
      }
    } catch (error) {
      await session.end().catch(() => undefined);
      throw error;
    }
    await session.end().catch(() => undefined);
    return false;
  }
}
