import { type BrokenChainLink, type ChainBreakReason, GENESIS_HASH, type RecordedEvent, chainHash } from '@cf/event-store';

/** A broken link, named as the API names it (a stream's revision is its index + 1) and by its position in the log it is in. */
export const brokenLinkText = (broken: BrokenChainLink): string =>
  `the chain of ${broken.stream} is broken at revision ${broken.indexInStream + 1} (its event ${broken.indexInStream + 1}, ` +
  `"revision": ${broken.indexInStream} in an export and the events table, which count from 0; position ${broken.position}, ${broken.reason})`;

/** Why a transfer refuses a broken chain. */
export const brokenChainRefusal = (broken: BrokenChainLink, nothingDone: string): Error =>
  new Error(`refused: ${brokenLinkText(broken)}; ${nothingDone}`);

/**
 * Verifies hash chains one event at a time, in global order, keeping only each stream's last
 * link: a file of any size is checked without holding it in memory. Same rules (and reasons) as
 * verifyStreamChain in @cf/event-store, which needs a whole stream at once.
 */
export class StreamingChainCheck {
  /** Each stream's last verified link so far. */
  readonly tails = new Map<string, { revision: number; hash: string }>();
  events = 0;
  firstBroken: BrokenChainLink | null = null;

  check(event: RecordedEvent): BrokenChainLink | null {
    this.events += 1;
    const tail = this.tails.get(event.stream);
    const broken = (reason: ChainBreakReason): BrokenChainLink => {
      this.firstBroken ??= { stream: event.stream, indexInStream: event.indexInStream, position: event.position, reason };
      return this.firstBroken;
    };
    if (event.indexInStream !== (tail ? tail.revision + 1 : 0)) return broken('REVISION_GAP');
    if (event.prevHash !== (tail?.hash ?? GENESIS_HASH)) return broken('PREV_HASH_MISMATCH');
    if (chainHash(event, event.prevHash) !== event.hash) return broken('HASH_MISMATCH');
    this.tails.set(event.stream, { revision: event.indexInStream, hash: event.hash });
    return null;
  }

  get streams(): number {
    return this.tails.size;
  }
}
