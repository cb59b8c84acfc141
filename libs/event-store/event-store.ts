/**
 * The event store port. Every adapter (SQLite, PostgreSQL, EventStoreDB) implements it and
 * passes the one contract suite in ./contract.
 */
export type ExpectedRevision = number | 'no_stream' | 'any';

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
  revision: number;
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

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  idempotency?: IdempotencyRecord;
}

export interface AppendResult {
  /** The revision of the last appended event: pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** The global position of the last appended event. */
  position: bigint;
}

/** What an idempotency key's first append returned, for a retry to return again. */
export interface IdempotentAppend extends AppendResult {
  stream: string;
}

export interface ReadStreamOptions {
  /** Only events that occurred at or before this moment (metadata.occurredAt). */
  upTo?: Date;
  /** Only events at this revision or later: a cached fold reads just the tail it has not seen. */
  fromRevision?: number;
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
  /** The current revision of a stream, or -1 when it has no events. */
  streamRevision(stream: string): Promise<number>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint>;
  /** Resolves true once an event with a position > after exists, false after timeoutMs. */
  waitForEvents(after: bigint, timeoutMs: number): Promise<boolean>;
  findIdempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined>;
  close(): Promise<void>;
}

export const NO_POSITION = 0n;

/** Thrown by adapters when the expected revision does not match; handleCommand maps it. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at revision ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** Thrown when an idempotency key was already used by the same user (a concurrent retry). */
export class IdempotencyKeyUsed extends Error {
  constructor(
    readonly userId: string,
    readonly key: string,
  ) {
    super(`idempotency key ${key} was already used`);
    this.name = 'IdempotencyKeyUsed';
  }
}

export const matchesExpectedRevision = (expected: ExpectedRevision, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === actual);
