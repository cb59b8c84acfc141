import { createHash } from 'node:crypto';
import {
  type AppendExpectedRevision,
  type CurrentRevision,
  type ExpectedRevision as ClientExpectedRevision,
  type JSONEventData,
  type ReadPosition,
  ANY,
  NO_STREAM,
  START,
  jsonEvent,
} from '@eventstore/db-client';
import { type EventMetadata, type ExpectedLastIndex, type RecordedEvent, NO_POSITION } from '../../event-store.js';
import { WrongLastIndex } from '../../append-refusals.js';

/** Pure mapping between our port and @eventstore/db-client: no connection, unit-tested in CI. */

export const toClientExpectedRevision = (expected: ExpectedLastIndex): ClientExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : BigInt(expected);

/** The client's current revision (NO_STREAM or a bigint): EventStoreDB's word for our last index (-1 for none). */
export const fromClientRevision = (revision: CurrentRevision | AppendExpectedRevision): number =>
  typeof revision === 'bigint' ? Number(revision) : -1;

/** A client WrongExpectedVersionError's actual revision, in our error. */
export const toWrongLastIndex = (stream: string, expected: ExpectedLastIndex, error: { actualVersion: CurrentRevision }): WrongLastIndex =>
  new WrongLastIndex(stream, expected, fromClientRevision(error.actualVersion));

/** EventStoreDB reports "no position" as 2^64-1 (or leaves it out, before server 22.6). */
const UNKNOWN = 2n ** 64n - 1n;

/** Our global position: the first real $all commit position given, NO_POSITION (0n) when none is. */
export const toPosition = (...commits: (bigint | undefined)[]): bigint =>
  commits.find((commit) => commit !== undefined && commit !== UNKNOWN && commit > 0n) ?? NO_POSITION;

/** Where a forward $all read starts for `after` (the read is inclusive: callers drop `after` itself). */
export const readPositionAfter = (after: bigint): ReadPosition => (after <= NO_POSITION ? START : { commit: after, prepare: after });

/** Positions travel through APIs as decimal strings: they pass 2^53. */
export const formatPosition = (position: bigint): string => position.toString(10);

export const parsePosition = (text: string): bigint => {
  if (!/^(0|[1-9]\d{0,19})$/.test(text) || BigInt(text) > UNKNOWN) throw new Error(`invalid position "${text}"`);
  return BigInt(text);
};

/** Streams of this category hold idempotency keys, not ledger events: readAll leaves them out. */
export const IDEMPOTENCY_CATEGORY = 'idempotency-';

export const idempotencyStream = (userId: string, key: string): string =>
  `${IDEMPOTENCY_CATEGORY}${createHash('sha256').update(`${userId}:${key}`).digest('hex')}`;

/** Our stream names live under an optional prefix (a namespace inside a shared server). */
export const toServerStream = (prefix: string, stream: string): string => `${prefix}${stream}`;

/** The ledger stream of a server stream, or undefined when it is not one of ours. */
export const toLedgerStream = (prefix: string, serverStream: string): string | undefined => {
  if (!serverStream.startsWith(prefix)) return undefined;
  const stream = serverStream.slice(prefix.length);
  return stream.startsWith('$') || stream.startsWith(IDEMPOTENCY_CATEGORY) ? undefined : stream;
};

/**
 * What readAll passes on: no system events ($-types, $-streams, $-metadata), no key streams, only
 * the prefix, and only events the ledger wrote (a shared server may hold other applications' events).
 */
export const isLedgerEvent = (prefix: string, event: Pick<ServerEvent, 'streamId' | 'type' | 'metadata'>): boolean =>
  !event.type.startsWith('$') &&
  !event.streamId.startsWith('$') &&
  toLedgerStream(prefix, event.streamId) !== undefined &&
  hasLedgerMetadata(event.metadata);

/** The event metadata as stored: ours, plus the schema version and the hash-chain link. */
export interface StoredMetadata {
  metadata: EventMetadata;
  schemaVersion: number;
  prevHash: string;
  hash: string;
  /** The idempotency reservation this event was appended under (see eventstoredb-idempotency.ts). */
  idempotencyAttempt?: string;
}

export interface ChainedEvent {
  type: string;
  data: Record<string, unknown>;
  stored: StoredMetadata;
}

export const toEventData = (event: ChainedEvent): JSONEventData =>
  jsonEvent({ type: event.type, data: event.data, metadata: { ...event.stored } }) as JSONEventData;

/** The parts of a client RecordedEvent the mapping reads. */
export interface ServerEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  /** The $all commit position (NO_POSITION when the server gave none). */
  position: bigint;
}

const hasLedgerMetadata = (metadata: unknown): metadata is StoredMetadata => {
  const stored = metadata as Partial<StoredMetadata> | undefined;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    !ArrayBuffer.isView(stored) &&
    typeof stored.metadata === 'object' &&
    typeof stored.schemaVersion === 'number' &&
    typeof stored.prevHash === 'string' &&
    typeof stored.hash === 'string'
  );
};

export const storedMetadataOf = (event: Pick<ServerEvent, 'metadata'>): StoredMetadata => {
  if (!hasLedgerMetadata(event.metadata)) throw new Error('event was not written by the ledger (no ledger metadata)');
  return event.metadata;
};

/** A server event as ours, as stored (upcasting is the store's job). */
export const fromServerEvent = (prefix: string, event: ServerEvent): RecordedEvent => {
  const stored = storedMetadataOf(event);
  return {
    position: event.position,
    stream: toLedgerStream(prefix, event.streamId) ?? event.streamId,
    indexInStream: Number(event.revision),
    type: event.type,
    schemaVersion: stored.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata: stored.metadata,
    prevHash: stored.prevHash,
    hash: stored.hash,
  };
};
