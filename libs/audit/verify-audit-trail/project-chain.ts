import { createHash } from 'node:crypto';
import { type BrokenChainLink, GENESIS_HASH, type RecordedEvent } from '@cf/event-store';

/**
 * A chain per project over all its events in position order. Each stream's own chain cannot
 * show a deleted last event; this one can, against a seal (its head) that an auditor kept.
 */
export interface AuditSealValue {
  position: bigint;
  hash: string;
  /** When the sealed head event happened. */
  at: string;
}

/** One link: the previous link, the event's place in the log and its own stream-chain hash. */
const link = (previous: string, event: RecordedEvent): string =>
  createHash('sha256').update(`${previous}\n${event.position}\n${event.stream}\n${event.indexInStream}\n${event.hash}`).digest('hex');

/** The head of the chain over `events` (a project's, in position order); null for none. */
export const projectChainHead = (events: readonly RecordedEvent[]): AuditSealValue | null => {
  let hash = GENESIS_HASH;
  for (const event of events) hash = link(hash, event);
  const last = events.at(-1);
  return last ? { position: last.position, hash, at: last.metadata.occurredAt } : null;
};

/** Where an event was when the audit projection applied it. */
export interface RecordedPlace {
  position: number | string;
  stream: string;
  /** The entity's revision, 1 for its first event. */
  revision: number;
  hash: string;
}

/**
 * Checks a project's events (in position order) against a seal. When they no longer hash to
 * it, the audit rows name the culprit: the first sealed event the store lacks (MISSING_EVENT,
 * a deleted tail too) or holds with another hash (SEAL_MISMATCH); else the last sealed event.
 */
export const checkSeal = (
  events: readonly RecordedEvent[],
  seal: { position: bigint; hash: string },
  places: readonly RecordedPlace[],
): BrokenChainLink | null => {
  const sealed = events.filter((event) => event.position <= seal.position);
  const head = projectChainHead(sealed);
  if (head?.position === seal.position && head.hash === seal.hash) return null;
  const stored = new Map(sealed.map((event) => [event.position, event]));
  // A missing event's index in its stream is how many of the stream's events came before it (a
  // place's revision is its entity's, which in a project's budget stream is a commitment's count).
  const before = new Map<string, number>();
  for (const place of places) {
    const position = BigInt(place.position);
    const event = stored.get(position);
    const indexInStream = before.get(place.stream) ?? 0;
    before.set(place.stream, indexInStream + 1);
    if (!event) return { stream: place.stream, indexInStream, position, reason: 'MISSING_EVENT' };
    if (event.hash !== place.hash) return { stream: event.stream, indexInStream: event.indexInStream, position, reason: 'SEAL_MISMATCH' };
  }
  const last = sealed.at(-1);
  return {
    stream: last?.stream ?? '',
    indexInStream: last?.indexInStream ?? 0,
    position: last?.position ?? seal.position,
    reason: 'SEAL_MISMATCH',
  };
};
