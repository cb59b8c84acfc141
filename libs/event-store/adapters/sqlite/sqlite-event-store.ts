import Database from 'better-sqlite3';
import { makeDirectory } from '../../make-directory.js';
import { dirname } from 'node:path';
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
import { IdempotencyKeyUsed, WrongLastIndex, matchesExpectedLastIndex } from '../../append-refusals.js';
import { GENESIS_HASH, canonicalJson, linkHash } from '../../hash-chain.js';
import { HeadWatcher } from '../../head-watcher.js';
import { parseIdempotent, serializeIdempotent } from '../../idempotency.js';
import { Upcasters } from '../../upcasting.js';
import { type EventRow, SQLITE_EVENT_SCHEMA, holdsSqliteLog, prepareEventStatements, storedEvent } from './sqlite-schema.js';
import { ChangedSince } from '../../unchanged-since.js';
import { SqliteEventInserts } from './sqlite-event-inserts.js';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a throwaway store. */
  file: string;
  upcasters?: Upcasters;
}

/** better-sqlite3 in WAL mode with synchronous=FULL: an acknowledged append survives power loss. */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly upcasters: Upcasters;
  private readonly watcher: HeadWatcher;
  private readonly statements;
  private readonly inserts: SqliteEventInserts;

  /** Whether a SQLite file holds a log (holdsSqliteLog). */
  static readonly holdsLog = holdsSqliteLog;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') makeDirectory(dirname(options.file));
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SQLITE_EVENT_SCHEMA);
    this.upcasters = options.upcasters ?? new Upcasters();
    this.statements = prepareEventStatements(this.db);
    this.inserts = new SqliteEventInserts(this.db);
    this.watcher = new HeadWatcher(() => this.headPosition());
  }

  async append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = this.db.transaction(() => this.appendInTransaction(stream, events, options)).immediate();
    this.watcher.notify(result.position);
    return result;
  }

  private appendInTransaction(stream: string, events: NewEvent[], options: AppendOptions): AppendResult {
    for (const other of options.unmoved ?? []) {
      const otherTail = this.statements.tail.get(other.stream) as { revision: bigint } | undefined;
      const at = otherTail ? Number(otherTail.revision) : -1;
      if (at !== other.lastIndex) throw new WrongLastIndex(other.stream, other.lastIndex, at);
    }
    for (const condition of options.unchangedSince ?? []) {
      const { streamPrefix: prefix, projectId } = condition;
      const gained = this.statements.changedSince.get(condition.after, prefix, prefix, projectId) as { position: bigint } | undefined;
      if (gained) throw new ChangedSince(condition, gained.position);
    }
    const tail = this.statements.tail.get(stream) as { revision: bigint; hash: string } | undefined;
    const current = tail ? Number(tail.revision) : -1;
    if (!matchesExpectedLastIndex(options.expectedLastIndex, current)) {
      throw new WrongLastIndex(stream, options.expectedLastIndex, current);
    }
    let prevHash = tail?.hash ?? GENESIS_HASH;
    let index = current;
    const values: unknown[] = [];
    for (const event of events) {
      index += 1;
      const schemaVersion = event.schemaVersion ?? this.upcasters.currentVersionOf(event.type);
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(event.metadata);
      const hash = linkHash(event.type, schemaVersion, data, metadata, prevHash);
      values.push(stream, index, event.type, schemaVersion, data, metadata, event.metadata.occurredAt, prevHash, hash);
      prevHash = hash;
    }
    const position = this.inserts.insert(values);
    const result = { lastIndex: index, position };
    const key = options.idempotency;
    if (key && this.statements.insertKey.run(key.userId, key.key, serializeIdempotent(stream, result)).changes === 0) {
      throw new IdempotencyKeyUsed(key.userId, key.key);
    }
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromIndex ?? 0;
    const rows = this.statements.readStream.all(stream, from) as EventRow[];
    return rows.map((row) => this.toRecorded(row, options.raw));
  }

  async lastIndexOf(stream: string): Promise<number> {
    const tail = this.statements.tail.get(stream) as { revision: bigint } | undefined;
    return tail ? Number(tail.revision) : -1;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const rows = this.statements.readAll.all(options.after, options.limit) as EventRow[];
    return rows.map((row) => this.toRecorded(row, options.raw));
  }

  async headPosition(): Promise<bigint> {
    return (this.statements.head.get() as { head: bigint }).head;
  }

  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean> {
    return this.watcher.waitBeyond(after, timeoutMs);
  }

  async findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    const row = this.statements.findKey.get(userId, key) as { result: string } | undefined;
    return row ? parseIdempotent(row.result) : undefined;
  }

  async unfinishedFill(): Promise<string | undefined> {
    return (this.statements.unfinishedFill.get() as { job: string } | undefined)?.job;
  }

  async markFill(job: string | undefined): Promise<void> {
    if (job === undefined) this.statements.clearFill.run();
    else this.statements.markFill.run(job);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private toRecorded(row: EventRow, raw = false): RecordedEvent {
    const stored = storedEvent(row);
    return raw ? stored : this.upcasters.apply(stored);
  }
}
