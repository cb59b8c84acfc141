import type { EventStore } from '@cf/event-store';
import { eventsAfter } from './event-batches.js';

export interface StoreSummary {
  events: number;
  /** Each stream's event count and last hash. */
  streams: Map<string, { count: number; lastHash: string }>;
}

export const summarizeStore = async (store: EventStore): Promise<StoreSummary> => {
  const streams = new Map<string, { count: number; lastHash: string }>();
  let events = 0;
  for await (const event of eventsAfter(store, 0n, 1000)) {
    events += 1;
    streams.set(event.stream, { count: (streams.get(event.stream)?.count ?? 0) + 1, lastHash: event.hash });
  }
  return { events, streams };
};

export interface StoreComparison {
  ok: boolean;
  sourceEvents: number;
  targetEvents: number;
  streams: number;
  /** Up to 20 streams that differ, each with what differs. */
  mismatches: string[];
}

/** Equal when both hold as many events and every stream has the same count and last hash. */
export const compareStores = async (source: EventStore, target: EventStore): Promise<StoreComparison> => {
  const [from, to] = [await summarizeStore(source), await summarizeStore(target)];
  const mismatches: string[] = [];
  for (const stream of new Set([...from.streams.keys(), ...to.streams.keys()])) {
    const [a, b] = [from.streams.get(stream), to.streams.get(stream)];
    if (a?.count !== b?.count) mismatches.push(`${stream}: ${a?.count ?? 0} events in the source, ${b?.count ?? 0} in the target`);
    else if (a?.lastHash !== b?.lastHash)
      mismatches.push(`${stream}: last hash ${a?.lastHash} in the source, ${b?.lastHash} in the target`);
  }
  return {
    ok: mismatches.length === 0 && from.events === to.events,
    sourceEvents: from.events,
    targetEvents: to.events,
    streams: from.streams.size,
    mismatches: mismatches.slice(0, 20),
  };
};
