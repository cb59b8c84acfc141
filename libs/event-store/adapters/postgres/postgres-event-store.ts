import { POOL_KEEPALIVE, hearDroppedConnections } from './dropped-connections.js';
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
import { GroupCommit } from './group-commit.js';
import { type StoredAppend, appendAlone, restsOnOtherFacts, rolledBack, storedAppend } from './postgres-append.js';
import { appendGroup } from './postgres-append-group.js';
import { Upcasters } from '../../upcasting.js';
import { NOTIFY_CHANNEL, heardPosition } from './postgres-schema.js';
import { PostgresReads } from './postgres-reads.js';
import { PostgresUnfinishedFill } from './postgres-unfinished-fill.js';
import { makeEventSchema } from './postgres-schema-lock.js';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** The schema holding the log (default "ledger"): tests use one schema each. */
  schema?: string;
  upcasters?: Upcasters;
  /**
   * Reads only (export, verify): the schema, its tables and functions are taken as they are, never
   * made or replaced, so a role that may only read them (an auditor's) opens the log. Its appends fail.
   */
  readOnly?: boolean;
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
  private readonly reads: PostgresReads;
  private readonly fill: PostgresUnfinishedFill;
  private readonly watcher: HeadWatcher;
  private readonly appends: GroupCommit<StoredAppend, AppendResult>;
  private listener: AppendListener | undefined;
  private ready: Promise<void>;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'ledger';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new Error(`invalid schema name ${this.schema}`);
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: 10, ...POOL_KEEPALIVE });
    hearDroppedConnections(this.pool);
    this.upcasters = options.upcasters ?? new Upcasters();
    this.reads = new PostgresReads(this.pool, this.schema, this.upcasters);
    this.fill = new PostgresUnfinishedFill(this.pool, this.schema);
    this.watcher = new HeadWatcher(() => this.headPosition(), 500);
    this.appends = new GroupCommit({
      send: (appends) => appendGroup(this.pool, this.schema, appends),
      retryAlone: rolledBack,
      maxAppends: MAX_APPENDS_PER_CALL,
    });
    this.ready = this.initialize(options.connectionString, options.readOnly === true);
    // Every call awaits it and gets the failure; marked handled so it is not also an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private async initialize(connectionString: string, readOnly: boolean): Promise<void> {
    if (!readOnly) await makeEventSchema(this.pool, this.schema);
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

  async append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const append = storedAppend(this.upcasters, stream, events, options);
    await this.ready;
    // One that rests on other streams never joins a group: append_batch checks no other streams,
    // and sending it beside a group would make the group's retry after a failure resend a committed part.
    const result = restsOnOtherFacts(append) ? await this.appendResting(append) : await this.appends.submit(append);
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
    return this.reads.stream(stream, options);
  }

  async lastIndexOf(stream: string): Promise<number> {
    await this.ready;
    return this.reads.lastIndexOf(stream);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    await this.ready;
    return this.reads.all(options);
  }

  async headPosition(): Promise<bigint> {
    await this.ready;
    return this.reads.head();
  }

  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean> {
    return this.watcher.waitBeyond(after, timeoutMs);
  }

  async findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    await this.ready;
    return this.reads.idempotentResult(userId, key);
  }

  async unfinishedFill(): Promise<string | undefined> {
    await this.ready;
    return this.fill.job();
  }

  async markFill(job: string | undefined): Promise<void> {
    await this.ready;
    await this.fill.mark(job);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.listener?.close();
    await this.pool.end();
  }
}
