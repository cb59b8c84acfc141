import type { Decider, DomainEvent } from '@cf/core';
import type { EventStore } from './event-store.js';

/**
 * The folded state of recently decided streams, so that a command reads only the events its
 * stream gained since (`readStream(stream, { fromIndex })`) instead of the whole history.
 * Safe because events never change: a cached state at last index i is the fold of events 0..i
 * forever. A stale entry can only be behind, and the append's expected last index catches that;
 * a conflict drops the entry (a stream whose tail was deleted must never be decided on from here).
 */
export class FoldCache {
  private readonly entries = new Map<string, { decider: object; lastIndex: number; lastAt?: string; state: unknown }>();

  constructor(private readonly capacity = 2_000) {}

  get<State>(stream: string, decider: object): FoldedStream<State> | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.decider !== decider) return undefined;
    // Least recently used goes first: re-inserting moves the entry to the end.
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return { lastIndex: entry.lastIndex, lastAt: entry.lastAt, state: entry.state as State };
  }

  set(stream: string, decider: object, folded: FoldedStream<unknown>): void {
    const entry = this.entries.get(stream);
    if (entry && entry.decider === decider && entry.lastIndex > folded.lastIndex) return;
    this.entries.delete(stream);
    this.entries.set(stream, { decider, ...folded });
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
    .map((e) => ({ type: e.type, data: e.data }) as Event)
    .reduce(decider.evolve, cached?.state ?? decider.initialState());
  const last = events.at(-1);
  const folded = last
    ? { state, lastIndex: last.indexInStream, lastAt: last.metadata.occurredAt }
    : { ...cached, state, lastIndex: cached?.lastIndex ?? -1 };
  if (cache && folded.lastIndex >= 0) cache.set(stream, decider, folded);
  return folded;
};
