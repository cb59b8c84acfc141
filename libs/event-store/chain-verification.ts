import type { RecordedEvent } from './event-store.js';
import { GENESIS_HASH, chainHash } from './hash-chain.js';

/**
 * Why a link of a stream's chain is broken:
 * - REVISION_GAP: revisions are not 0..n-1 in a row (an event was deleted, or renumbered);
 * - PREV_HASH_MISMATCH: the event does not point at its predecessor's hash (deleted or reordered);
 * - HASH_MISMATCH: the stored hash is not the hash of the stored content (type, data, metadata altered);
 * - MISSING_EVENT: an event a project's seal covers is gone (a deleted last event included);
 * - SEAL_MISMATCH: a project's events up to its seal no longer hash to the seal.
 */
export type ChainBreakReason = 'REVISION_GAP' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' | 'MISSING_EVENT' | 'SEAL_MISMATCH';

export interface BrokenChainLink {
  stream: string;
  /** The store's 0-based revision of the first event whose link does not hold. */
  indexInStream: number;
  /** Its global position: names the event whatever a stream's revisions mean to its entities. */
  position: bigint;
  reason: ChainBreakReason;
}

export interface ChainVerification {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBrokenLink: BrokenChainLink | null;
}

/**
 * Re-computes one stream's chain from its events as stored (read them raw: the chain is over
 * the stored data, not the upcast one), ordered by revision as the store returns them.
 */
export const verifyStreamChain = (events: readonly RecordedEvent[]): BrokenChainLink | null => {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: ChainBreakReason): BrokenChainLink => ({
      stream: event.stream,
      indexInStream: event.indexInStream,
      position: event.position,
      reason,
    });
    if (event.indexInStream !== index) return broken('REVISION_GAP');
    if (event.prevHash !== prevHash) return broken('PREV_HASH_MISMATCH');
    if (chainHash(event, event.prevHash) !== event.hash) return broken('HASH_MISMATCH');
    prevHash = event.hash;
  }
  return null;
};

/** Adds up stream verifications in the order the streams were checked; the first break wins. */
export class ChainVerifier {
  private streams = 0;
  private events = 0;
  private firstBroken: BrokenChainLink | null = null;

  /** Verifies one stream's events (all of one stream, as read) and remembers the outcome. */
  check(events: readonly RecordedEvent[]): BrokenChainLink | null {
    const broken = verifyStreamChain(events);
    this.streams += 1;
    this.events += events.length;
    this.firstBroken ??= broken;
    return broken;
  }

  result(): ChainVerification {
    return { ok: this.firstBroken === null, streamsChecked: this.streams, eventsChecked: this.events, firstBrokenLink: this.firstBroken };
  }
}

/** Verifies events of any number of streams, e.g. a whole export in global order. */
export const verifyChains = (events: readonly RecordedEvent[]): ChainVerification => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const stream = byStream.get(event.stream) ?? [];
    stream.push(event);
    byStream.set(event.stream, stream);
  }
  const verifier = new ChainVerifier();
  for (const stream of byStream.values()) verifier.check([...stream].sort((a, b) => a.indexInStream - b.indexInStream));
  return verifier.result();
};
