import { type Decider, type DomainEvent, DomainError } from '@cf/core';
import type { FoldCache } from './fold-cache.js';
import {
  type Actor,
  type EventStore,
  type IdempotentAppend,
  type NewEvent,
  IdempotencyKeyUsed,
  WrongExpectedRevision,
} from './event-store.js';

/** Who sent a command, when, and why: becomes the metadata of every event it produces. */
export interface CommandMetadata {
  actor: Actor;
  at: Date;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** A hash of what the client sent with the idempotency key: a retry must send the same. */
  payloadHash?: string;
  /**
   * The stream revision the sender last saw (from a read model's revision − 1). When given,
   * a stream that has moved on is a CONFLICT at once: the sender decided on stale state.
   */
  expectedRevision?: number;
}

/** How a command's decided events are stored (optional). */
export interface CommandOptions {
  /**
   * Applied to the decided events right before append: the decider sees them as decided (so it
   * validates plaintext), the store and the hash chain see the result (e.g. sealed personal data).
   */
  sealEvents?: (events: NewEvent[]) => NewEvent[];
  /** Folded states of streams decided before: only the events since are read. */
  foldCache?: FoldCache;
}

/**
 * How often a command decides again when a concurrent writer moved its stream first. A hot stream
 * (a project's budget, where every commitment is decided) sees several writers at once; a short
 * random pause before each new try spreads the ones that collided.
 */
export const RACE_TRIES = 12;
const pauseBeforeTry = (tries: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** tries, 50)));

export interface CommandResult {
  stream: string;
  /** The stream's revision after the command (-1 when the stream is still empty). */
  revision: number;
  /** The global position of the command's last event, or of the store's head when it added none. */
  position: bigint;
  /** True when an idempotency key matched an earlier command: nothing was appended. */
  replayed: boolean;
}

/**
 * The one way a command changes the world: read the stream, fold it with `evolve`, `decide`,
 * append with the expected revision. A conflict with a concurrent writer is decided again on
 * fresh state (RACE_TRIES in all), then reported as CONFLICT with the current revision; a
 * sender who saw an older revision gets CONFLICT at once. An idempotency key's first result is
 * stored in the same transaction as the events, so a retry returns it and appends nothing.
 */
export const handleCommand = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command,
  metadata: CommandMetadata,
  options: CommandOptions = {},
): Promise<CommandResult> => {
  const earlier = await findEarlierResult(store, command, metadata);
  if (earlier) return earlier;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(store, decider, stream, command, metadata, options);
    } catch (error) {
      if (error instanceof IdempotencyKeyUsed) {
        // A concurrent retry holds the key. Its result is the answer; a store that released the
        // key (its attempt was refused) lets this one try again, within the same two tries.
        const first = await findEarlierResult(store, command, metadata);
        if (first) return first;
        if (tries === 2) throw DomainError.conflict(stream, await store.streamRevision(stream));
        continue;
      }
      if (!(error instanceof WrongExpectedRevision)) throw error;
      options.foldCache?.forget(stream);
      // The sender's own expectation is checked in attempt(); a conflict here is a race: try again.
      if (tries >= RACE_TRIES || metadata.expectedRevision !== undefined) throw DomainError.conflict(stream, error.actual);
      await pauseBeforeTry(tries);
    }
  }
};

const attempt = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command,
  metadata: CommandMetadata,
  options: CommandOptions,
): Promise<CommandResult> => {
  const { state, revision } = await foldStream(store, decider, stream, options.foldCache);
  if (metadata.expectedRevision !== undefined && metadata.expectedRevision !== revision) {
    throw DomainError.conflict(stream, revision);
  }
  const events = decider.decide(command, state);
  if (events.length === 0) return { stream, revision, position: await store.headPosition(), replayed: false };
  const eventMetadata = {
    actor: metadata.actor,
    occurredAt: metadata.at.toISOString(),
    correlationId: metadata.correlationId,
    ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
    ...(metadata.idempotencyKey ? { idempotencyKey: metadata.idempotencyKey, commandFingerprint: fingerprintOf(command, metadata) } : {}),
  };
  const decided = events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: eventMetadata }));
  const newEvents = options.sealEvents ? options.sealEvents(decided) : decided;
  const idempotency = metadata.idempotencyKey ? { userId: metadata.actor.userId, key: metadata.idempotencyKey } : undefined;
  const appended = await store.append(stream, newEvents, { expectedRevision: revision < 0 ? 'no_stream' : revision, idempotency });
  // What was decided is what the stream now holds (unless sealing changed it): the next command starts here.
  if (options.foldCache && !options.sealEvents) {
    options.foldCache.set(stream, decider, appended.nextExpectedRevision, events.reduce(decider.evolve, state));
  }
  return { stream, revision: appended.nextExpectedRevision, position: appended.position, replayed: false };
};

/** The stream folded up to its last event (-1 when empty): from the cache plus the events since, or from the start. */
export const foldStream = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  cache?: FoldCache,
): Promise<{ state: State; revision: number }> => {
  const cached = cache?.get<State>(stream, decider);
  const events = await store.readStream(stream, cached ? { fromRevision: cached.revision + 1 } : {});
  const state = events
    .map((e) => ({ type: e.type, data: e.data }) as Event)
    .reduce(decider.evolve, cached?.state ?? decider.initialState());
  const revision = events.length > 0 ? events[events.length - 1].revision : (cached?.revision ?? -1);
  if (cache && revision >= 0) cache.set(stream, decider, revision, state);
  return { state, revision };
};

/** What an idempotency key is bound to: the kind of command and a hash of its payload. */
const fingerprintOf = (command: unknown, metadata: CommandMetadata): string =>
  `${String((command as { type?: unknown }).type)}:${metadata.payloadHash ?? ''}`;

const findEarlierResult = async (store: EventStore, command: unknown, metadata: CommandMetadata): Promise<CommandResult | undefined> => {
  if (!metadata.idempotencyKey) return undefined;
  const stored = await store.findIdempotentResult(metadata.actor.userId, metadata.idempotencyKey);
  if (!stored) return undefined;
  await requireSameCommand(store, stored, fingerprintOf(command, metadata));
  return { stream: stored.stream, revision: stored.nextExpectedRevision, position: stored.position, replayed: true };
};

/** A key reused for another command would answer with the first one's result: refused, naming the key. */
const requireSameCommand = async (store: EventStore, stored: IdempotentAppend, fingerprint: string): Promise<void> => {
  const [first] = await store.readStream(stored.stream, { fromRevision: stored.nextExpectedRevision });
  const earlier = first?.metadata.commandFingerprint;
  if (typeof earlier !== 'string' || earlier === fingerprint) return; // keys from before fingerprints: as before
  const [kind] = earlier.split(':');
  throw DomainError.badInput(
    'idempotencyKey',
    kind === fingerprint.split(':')[0]
      ? 'was already used with other input; send a new key for a new command'
      : `was already used for another kind of command (${kind}); send a new key for a new command`,
  );
};
