import type { Decider, DomainEvent } from '@cf/core';
import type { EventStore } from './event-store.js';

type Entry = FoldedStream<unknown>;

/**
 * The folded state of recently decided streams, so that a command reads only the events its
 * stream gained since (`readStream(stream, { fromIndex })`) instead of the whole history.
 * Safe because events never change: a cached state at last index i is the fold of events 0..i
 * forever. A stale entry can only be behind, and the append's expected last index catches that;
 * a conflict drops the entry (a stream whose tail was deleted must never be decided on from here).
 * A stream may be folded by several deciders (a contact as itself and as the authority it had
 * when), so each keeps its own state; the least recently used stream goes first.
 */
export class FoldCache {
  private readonly entries = new Map<string, Map<object, Entry>>();

  constructor(private readonly capacity = 2_000) {}

  get<State>(stream: string, decider: object): FoldedStream<State> | undefined {
    const folds = this.entries.get(stream);
    const entry = folds?.get(decider);
    if (!folds || !entry) return undefined;
    // Re-inserting moves the stream to the end, the most recently used.
    this.entries.delete(stream);
    this.entries.set(stream, folds);
    return entry as FoldedStream<State>;
  }

  set(stream: string, decider: object, folded: FoldedStream<unknown>): void {
    const folds = this.entries.get(stream) ?? new Map<object, Entry>();
    const entry = folds.get(decider);
    if (entry && entry.lastIndex > folded.lastIndex) return;
    folds.set(decider, { ...folded });
    this.entries.delete(stream);
    this.entries.set(stream, folds);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }
}

/** A stream folded up to its last event: its index (-1 when empty) and when it occurred. */
export interface FoldedStream<State> {
  state: State;
  lastIndex: number;
  /** The last event's `occurredAt` (none for an empty stream): a new event is never earlier. */
  lastAt?: string;
}

/**
 * An event as a fold sees it: with its global position, so that a fact read across streams can be
 * taken as it stood at another stream's event (whether a contact could approve scope when a request
 * was raised), in the order the log holds them, as the projections do.
 */
export type PositionedEvent<Event extends DomainEvent> = Event & {
  readonly position: bigint;
  /** When it was recorded (its metadata's occurredAt): the day an old event that names none counts from. */
  readonly occurredAt: string;
};

/** The stream folded up to its last event: from the cache plus the events since, or from the start. */
export const foldStream = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<Command, Event, State>, 'initialState' | 'evolve'>,
  stream: string,
  cache?: FoldCache,
): Promise<FoldedStream<State>> => {
  const cached = cache?.get<State>(stream, decider);
  const events = await store.readStream(stream, cached ? { fromIndex: cached.lastIndex + 1 } : {});
  const state = events
    .map((e) => ({ type: e.type, data: e.data, position: e.position, occurredAt: e.metadata.occurredAt }) as PositionedEvent<Event>)
    .reduce(decider.evolve, cached?.state ?? decider.initialState());
  const last = events.at(-1);
  const folded = last
    ? { state, lastIndex: last.indexInStream, lastAt: last.metadata.occurredAt }
    : { ...cached, state, lastIndex: cached?.lastIndex ?? -1 };
  if (cache && folded.lastIndex >= 0) cache.set(stream, decider, folded);
  return folded;
};
