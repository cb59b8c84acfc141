/**
 * The event store port. Every adapter (SQLite, PostgreSQL, EventStoreDB) implements it and
 * passes the one contract suite in ./contract.
 *
 * Its words: an event's `position` is its place in the whole log (from 1); its `indexInStream`
 * is its place in its own stream (from 0, as EventStoreDB counts). "Revision" is the portal's
 * word, how many events an entity has had: the last index + 1 wherever the two meet.
 * On disk the index keeps its first name — the `revision` column and the export's `revision`
 * field — because a file format does not change with a name.
 */
import type { UnchangedSince } from './unchanged-since.js';

export type ExpectedLastIndex = number | 'no_stream' | 'any';

export interface Actor {
  userId: string;
  name: string;
}

export interface EventMetadata {
  actor: Actor;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** Defaults to the current schema version of the type (1 unless an upcaster says more). */
  schemaVersion?: number;
}

export interface RecordedEvent {
  /** Global order across all streams; a decimal string in APIs because it can pass 2^53. */
  position: bigint;
  stream: string;
  /** 0-based index of the event within its stream. */
  indexInStream: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

/** A user's idempotency key: its first append's result is kept in the same transaction. */
export interface IdempotencyRecord {
  userId: string;
  key: string;
}

/** A stream a decision read and relied on, at the last index it read. */
export interface UnmovedStream {
  stream: string;
  lastIndex: number;
}

export interface AppendOptions {
  expectedLastIndex: ExpectedLastIndex;
  idempotency?: IdempotencyRecord;
  /**
   * Other streams the decision rests on (who may decide, on a project's stream): the append is
   * refused with WrongLastIndex naming such a stream when it has moved since, checked under the
   * same lock as the append itself on SQLite and PostgreSQL (EventStoreDB: just before it).
   */
  unmoved?: readonly UnmovedStream[];
  /** Kinds of facts the decision read whole (UnchangedSince): gained since, it is refused with ChangedSince. */
  unchangedSince?: readonly UnchangedSince[];
}

export interface AppendResult {
  /** The index in its stream of the last appended event: the next append's expected last index. */
  lastIndex: number;
  /** The global position of the last appended event. */
  position: bigint;
}

/** What an idempotency key's first append returned, for a retry to return again. */
export interface IdempotentAppend extends AppendResult {
  stream: string;
}

export interface ReadStreamOptions {
  /** Only events at this index in the stream or later: a cached fold reads just the tail it has not seen. */
  fromIndex?: number;
  /** As stored, without upcasting: the hash chain is over the stored data (verification reads raw). */
  raw?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. */
  after: bigint;
  limit: number;
  /** As stored, without upcasting (see ReadStreamOptions.raw). */
  raw?: boolean;
}

export interface EventStore {
  readonly name: string;
  append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The index of a stream's last event, or -1 when it has no events. */
  lastIndexOf(stream: string): Promise<number>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint>;
  /** Resolves true once an event with a position > after exists, false after timeoutMs. */
  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean>;
  findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined>;
  /**
   * The job (an import, a migrate) that began filling this log and has not finished, as it named
   * itself, or undefined. Such a log is only the beginning of another: nothing serves, exports or
   * verifies it until the job, run again, finishes (requireWholeLog).
   */
  unfinishedFill(): Promise<string | undefined>;
  /** Marks the log as being filled by `job`, before its first event; given undefined, as filled to its end. */
  markFill(job: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export const NO_POSITION = 0n;
