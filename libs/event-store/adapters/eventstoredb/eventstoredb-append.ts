import type { EventStoreDBClient } from '@eventstore/db-client';
import { type AppendOptions, type AppendResult, type NewEvent, NO_POSITION } from '../../event-store.js';
import { WrongLastIndex, matchesExpectedLastIndex } from '../../append-refusals.js';
import { GENESIS_HASH, chainHash } from '../../hash-chain.js';
import type { Upcasters } from '../../upcasting.js';
import type { Reservation } from './eventstoredb-idempotency.js';
import { toServerStream } from './eventstoredb-mapping.js';
import {
  type ChainedEvent,
  storedMetadataOf,
  toClientExpectedRevision,
  toEventData,
  toPosition,
  toWrongLastIndex,
} from './eventstoredb-mapping.js';
import { isWrongExpectedVersion, readLastEvent, sleep } from './eventstoredb-reads.js';

/** How often an 'any' append that lost a race re-reads the tail (the chain needs the exact predecessor). */
const ANY_RETRIES = 50;

/** A batch linked into the stream's hash chain after `prevHash` (pure; the hashes come from hash-chain.ts). */
export const chainBatch = (
  events: NewEvent[],
  prevHash: string,
  upcasters: Pick<Upcasters, 'currentVersionOf'>,
  idempotencyAttempt?: string,
): ChainedEvent[] =>
  events.map((event) => {
    const schemaVersion = event.schemaVersion ?? upcasters.currentVersionOf(event.type);
    const hash = chainHash({ ...event, schemaVersion }, prevHash);
    const stored = { metadata: event.metadata, schemaVersion, prevHash, hash, ...(idempotencyAttempt ? { idempotencyAttempt } : {}) };
    prevHash = hash;
    return { type: event.type, data: event.data, stored };
  });

/**
 * Reads the stream's last hash, chains the batch to it and appends expecting exactly that tail.
 * EventStoreDB appends are atomic per stream, and the expected revision makes the read-then-append
 * safe: a writer that raced us in between makes our append fail instead of forking the chain. For
 * 'any' the caller accepted any tail, so the batch is re-chained to the new tail and tried again.
 */
export const appendChained = async (
  client: EventStoreDBClient,
  upcasters: Upcasters,
  serverStream: string,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
  reservation?: Reservation,
): Promise<AppendResult> => {
  // No transaction spans streams here: the streams a decision rests on are asked right before.
  for (const other of options.unmoved ?? []) {
    const prefix = serverStream.slice(0, serverStream.length - stream.length);
    const otherTail = await readLastEvent(client, toServerStream(prefix, other.stream));
    const at = otherTail ? Number(otherTail.revision) : -1;
    if (at !== other.lastIndex) throw new WrongLastIndex(other.stream, other.lastIndex, at);
  }
  for (let attempt = 1; ; attempt++) {
    const tail = await readLastEvent(client, serverStream);
    const current = tail ? Number(tail.revision) : -1;
    if (!matchesExpectedLastIndex(options.expectedLastIndex, current)) {
      throw new WrongLastIndex(stream, options.expectedLastIndex, current);
    }
    const chained = chainBatch(events, tail ? storedMetadataOf(tail).hash : GENESIS_HASH, upcasters, reservation?.attempt);
    try {
      const written = await client.appendToStream(serverStream, chained.map(toEventData), {
        expectedRevision: toClientExpectedRevision(current < 0 ? 'no_stream' : current),
      });
      const lastIndex = Number(written.nextExpectedRevision);
      // The reply carries the last event's commit position; older servers may leave it out.
      const position = toPosition(written.position?.commit);
      if (position > NO_POSITION) return { lastIndex, position };
      const last = await readLastEvent(client, serverStream, lastIndex);
      return { lastIndex, position: last?.position ?? NO_POSITION };
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      if (options.expectedLastIndex !== 'any' || attempt >= ANY_RETRIES) {
        throw toWrongLastIndex(stream, options.expectedLastIndex, error);
      }
      await sleep(Math.random() * 5 * attempt);
    }
  }
};
