import type { Actor, NewEvent, UnmovedStream } from './event-store.js';
import type { FoldCache } from './fold-cache.js';
import type { UnchangedSince } from './unchanged-since.js';

/** Who sent a command, when, and why: becomes the metadata of every event it produces. */
export interface CommandMetadata {
  actor: Actor;
  /**
   * The one source of a command's time: each try is stamped as it decides, after its stream was
   * read, so a try that lost a race and decides again on fresh state is later than what it lost
   * to, and a stream's events are in time order (history as of a moment, and a commitment's time
   * against the change order it was judged on). Senders never set a command's `at` themselves.
   */
  clock: () => Date;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** A hash of what the client sent with the idempotency key: a retry must send the same. */
  payloadHash?: string;
  /**
   * The index of the stream's last event as the sender saw it (the portal's revision − 1). When
   * given, a stream that has moved on is a CONFLICT at once: the sender decided on stale state.
   */
  expectedLastIndex?: number;
}

/** Every command carries the time it is decided at (ISO-8601): deciders read no clock. */
export interface TimedCommand {
  at: string;
}

/** A command as its sender builds it: handleCommand adds the time (each variant of a union keeps its own fields). */
export type Untimed<Command> = Command extends TimedCommand ? Omit<Command, 'at'> : never;

/** How a command's decided events are stored (optional). */
export interface CommandOptions {
  /**
   * Applied to the decided events right before append: the decider sees them as decided (so it
   * validates plaintext), the store and the hash chain see the result (e.g. sealed personal data).
   */
  sealEvents?: (events: NewEvent[]) => NewEvent[];
  /** Folded states of streams decided before: only the events since are read. */
  foldCache?: FoldCache;
  /** Other streams the command's facts were read from (AppendOptions.unmoved): moved since, it is a CONFLICT on them. */
  unmoved?: readonly UnmovedStream[];
  /** Kinds of facts the command read whole (AppendOptions.unchangedSince): gained since, ChangedSince reaches the caller. */
  unchangedSince?: readonly UnchangedSince[];
  /**
   * Compares what a keyed command's fingerprint leaves out (input kept sealed, so no hash of it
   * lets guesses be tested) with the first command's, when its key is found: throws to refuse a
   * key sent again with other input. Run inside the command, so the refusal is the command's own.
   */
  sameAsReplayed?: (earlier: CommandResult) => Promise<void>;
}

export interface CommandResult {
  stream: string;
  /** The index of the stream's last event after the command (-1 when the stream is still empty). */
  lastIndex: number;
  /** The global position of the command's last event, or of the store's head when it added none. */
  position: bigint;
  /** True when an idempotency key matched an earlier command: nothing was appended. */
  replayed: boolean;
}
