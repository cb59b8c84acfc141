import { type AllStreamSubscription, END, EventStoreDBClient, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
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
import { WrongLastIndex } from '../../append-refusals.js';
import { HeadWatcher } from '../../head-watcher.js';
import { Upcasters } from '../../upcasting.js';
import { ChangedSince, type UnchangedSince, breaks } from '../../unchanged-since.js';
import { appendChained } from './eventstoredb-append.js';
import { EventStoreDbIdempotencyKeys } from './eventstoredb-idempotency.js';
import { fromServerEvent, storedMetadataOf, toServerStream } from './eventstoredb-mapping.js';
import { ledgerHead, readLedgerAfter } from './eventstoredb-all-reads.js';
import { readLastEvent, readWholeStream } from './eventstoredb-reads.js';

export interface EventStoreDbEventStoreOptions {
  /** e.g. esdb://127.0.0.1:2113?tls=false */
  connectionString: string;
  upcasters?: Upcasters;
  /**
   * A namespace inside a shared server: every stream is stored as `<prefix><stream>` and readAll,
   * headPosition and the subscription see only those streams (the contract suite uses one per test,
   * since a server cannot be emptied). Positions stay the server's $all commit positions.
   */
  streamPrefix?: string;
}

/** EventStoreDB / KurrentDB through @eventstore/db-client: the global position is the $all commit position. */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  private readonly client: EventStoreDBClient;
  private readonly prefix: string;
  private readonly upcasters: Upcasters;
  private readonly watcher = new HeadWatcher(() => this.headPosition(), 1_000);
  private readonly keys: EventStoreDbIdempotencyKeys;
  private subscription: AllStreamSubscription | undefined;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.prefix = options.streamPrefix ?? '';
    if (this.prefix.startsWith('$')) throw new Error('streamPrefix must not start with "$" (system streams)');
    this.upcasters = options.upcasters ?? new Upcasters();
    this.keys = new EventStoreDbIdempotencyKeys(this.client, this.prefix, (stream, attempt) => this.findMarked(stream, attempt));
  }

  async append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (const event of events) JSON.stringify([event.data, event.metadata]); // a bad batch fails before any write
    // No transaction spans streams here: the kinds of facts a decision read whole are asked right before, as `unmoved` is.
    for (const condition of options.unchangedSince ?? []) await this.requireUnchanged(condition);
    const key = options.idempotency;
    const reservation = key && (await this.keys.reserve(key.userId, key.key, stream));
    try {
      const serverStream = toServerStream(this.prefix, stream);
      const result = await appendChained(this.client, this.upcasters, serverStream, stream, events, options, reservation);
      if (reservation) await this.keys.complete(reservation, stream, result);
      this.watcher.notify();
      return result;
    } catch (error) {
      // Only a definite refusal frees the key; an unknown outcome (timeout) is settled by find().
      if (reservation && error instanceof WrongLastIndex) await this.keys.release(reservation);
      throw error;
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = await readWholeStream(this.client, toServerStream(this.prefix, stream), options.fromIndex);
    return events.map((event) => this.toRecorded(fromServerEvent(this.prefix, event), options.raw));
  }

  async lastIndexOf(stream: string): Promise<number> {
    const tail = await readLastEvent(this.client, toServerStream(this.prefix, stream));
    return tail ? Number(tail.revision) : -1;
  }

  private async requireUnchanged(condition: UnchangedSince): Promise<void> {
    for (let after = condition.after; ;) {
      const page = await this.readAll({ after, limit: 500 });
      const gained = page.find((event) => breaks(condition, event));
      if (gained) throw new ChangedSince(condition, gained.position);
      if (page.length < 500) return;
      after = page[page.length - 1].position;
    }
  }

  /** $all in commit order from `after` (readLedgerAfter). */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const found = await readLedgerAfter(this.client, this.prefix, options.after, options.limit);
    return found.map((event) => this.toRecorded(event, options.raw));
  }

  headPosition(): Promise<bigint> {
    return ledgerHead(this.client, this.prefix);
  }

  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean> {
    this.subscribe();
    return this.watcher.waitBeyond(after, timeoutMs);
  }

  /** A catch-up subscription to $all from its end wakes waiting readers; the watcher also polls the head. */
  private subscribe(): void {
    if (this.subscription) return;
    const filter = this.prefix ? streamNameFilter({ prefixes: [this.prefix] }) : excludeSystemEvents();
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter });
    subscription.on('data', () => this.watcher.notify());
    subscription.on('error', () => (this.subscription = undefined)); // the next wait subscribes again
    this.subscription = subscription;
  }

  findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    return this.keys.find(userId, key);
  }

  /**
   * Not kept on EventStoreDB (a known limit in the README): it has no table for it, and a stream of
   * its own would be one more for every reader of $all to skip. An import cut short there shows as
   * a log that ends early.
   */
  async unfinishedFill(): Promise<string | undefined> {
    return undefined;
  }

  async markFill(): Promise<void> {}

  async close(): Promise<void> {
    await this.subscription?.unsubscribe().catch(() => undefined);
    this.subscription = undefined;
    await this.client.dispose();
  }

  /** The last event appended under an idempotency attempt, as that append's result. */
  private async findMarked(stream: string, attempt: string): Promise<AppendResult | undefined> {
    const marked = (await readWholeStream(this.client, toServerStream(this.prefix, stream))).filter(
      (event) => storedMetadataOf(event).idempotencyAttempt === attempt,
    );
    const last = marked.at(-1);
    return last && { lastIndex: Number(last.revision), position: last.position };
  }

  private toRecorded(event: RecordedEvent, raw = false): RecordedEvent {
    return raw ? event : this.upcasters.apply(event);
  }
}
