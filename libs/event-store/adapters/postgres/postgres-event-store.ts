import { hearDroppedConnections } from './dropped-connections.js';
import pg from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type IdempotentAppend,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '../../event-store.js';
import { HeadWatcher } from '../../head-watcher.js';
import { AppendListener } from './append-listener.js';
import { parseIdempotent } from '../../idempotency.js';
import { GroupCommit } from './group-commit.js';
import { type StoredAppend, appendAlone, appendGroup, rolledBack, storedAppend } from './postgres-append.js';
import { postgresAppendFunction } from './postgres-append-function.js';
import { Upcasters } from '../../upcasting.js';
import { NOTIFY_CHANNEL, type PostgresEventRow, heardPosition, postgresEventSchema, storedEvent } from './postgres-schema.js';
import { SCHEMA_LOCK_KEY } from './postgres-schema-lock.js';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** The schema holding the log (default "ledger"): tests use one schema each. */
  schema?: string;
  upcasters?: Upcasters;
}

/** The most appends one call carries: a bound on the size of a call, far above the writers a process usually has. */
const MAX_APPENDS_PER_CALL = 100;

/**
 * PostgreSQL through pg: one pool, appends serialized by an advisory lock and grouped into one
 * call and one commit while another is in flight (group commit), LISTEN/NOTIFY to wake readers.
 */
export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  private readonly pool: pg.Pool;
  private readonly schema: string;
  private readonly upcasters: Upcasters;
  private readonly watcher: HeadWatcher;
  private readonly appends: GroupCommit<StoredAppend, AppendResult>;
  private listener: AppendListener | undefined;
  private ready: Promise<void>;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'ledger';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new Error(`invalid schema name ${this.schema}`);
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
    hearDroppedConnections(this.pool);
    this.upcasters = options.upcasters ?? new Upcasters();
    this.watcher = new HeadWatcher(() => this.headPosition(), 500);
    this.appends = new GroupCommit({
      send: (appends) => appendGroup(this.pool, this.schema, appends),
      retryAlone: rolledBack,
      maxAppends: MAX_APPENDS_PER_CALL,
    });
    this.ready = this.initialize(options.connectionString);
    // Every call awaits it and gets the failure; marked handled so it is not also an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private async initialize(connectionString: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Several instances may start at once; CREATE ... IF NOT EXISTS is not safe concurrently.
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      await client.query(postgresEventSchema(this.schema));
      await client.query(postgresAppendFunction(this.schema));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
    // The payload is the schema and the position the append reached (the pg_notify of append_to_stream or append_batch).
    this.listener = new AppendListener(
      { connectionString, applicationName: `ledger appends of ${this.schema}` },
      NOTIFY_CHANNEL,
      (payload) => {
        const heard = heardPosition(this.schema, payload);
        if (heard.ours) this.watcher.notify(heard.position);
      },
      () => this.watcher.notify(),
    );
    await this.listener.start();
  }

  private get table(): string {
    return `"${this.schema}".events`;
  }

  async append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const append = storedAppend(this.upcasters, stream, events, options);
    await this.ready;
    // One that rests on other streams never joins a group: append_batch checks no other streams,
    // and sending it beside a group would make the group's retry after a failure resend a committed part.
    const result = append.unmoved ? await this.appendResting(append) : await this.appends.submit(append);
    this.watcher.notify(result.position);
    return result;
  }

  private async appendResting(append: StoredAppend): Promise<AppendResult> {
    const outcome = await appendAlone(this.pool, this.schema, append);
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    await this.ready;
    const from = options.fromIndex ?? 0;
    const rows = await this.pool.query<PostgresEventRow>(
      `SELECT * FROM ${this.table} WHERE stream = $1 AND revision >= $2 ORDER BY revision`,
      [stream, from],
    );
    return rows.rows.map((row) => this.toRecorded(row, options.raw));
  }

  async lastIndexOf(stream: string): Promise<number> {
    await this.ready;
    const tail = await this.pool.query<{ revision: number }>(`SELECT MAX(revision) AS revision FROM ${this.table} WHERE stream = $1`, [
      stream,
    ]);
    return tail.rows[0]?.revision ?? -1;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    await this.ready;
    const rows = await this.pool.query<PostgresEventRow>(`SELECT * FROM ${this.table} WHERE position > $1 ORDER BY position LIMIT $2`, [
      options.after.toString(),
      options.limit,
    ]);
    return rows.rows.map((row) => this.toRecorded(row, options.raw));
  }

  async headPosition(): Promise<bigint> {
    await this.ready;
    const head = await this.pool.query<{ head: string }>(`SELECT COALESCE(MAX(position), 0) AS head FROM ${this.table}`);
    return BigInt(head.rows[0].head);
  }

  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean> {
    return this.watcher.waitBeyond(after, timeoutMs);
  }

  async findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    await this.ready;
    const row = await this.pool.query<{ result: string }>(
      `SELECT result FROM "${this.schema}".idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return row.rows[0] ? parseIdempotent(row.rows[0].result) : undefined;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.listener?.close();
    await this.pool.end();
  }

  private toRecorded(row: PostgresEventRow, raw = false): RecordedEvent {
    const stored = storedEvent(row);
    return raw ? stored : this.upcasters.apply(stored);
  }
}
