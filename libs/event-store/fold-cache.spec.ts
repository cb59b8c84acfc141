import type { DomainEvent } from '@cf/core';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import type { EventStore } from './event-store.js';
import { FoldCache, type PositionedEvent, foldStream } from './fold-cache.js';

type Added = DomainEvent<'Added', { amount: number }>;
const total = { initialState: () => 0, evolve: (sum: number, event: Added) => sum + event.data.amount };
const positions = {
  initialState: (): bigint[] => [],
  evolve: (seen: bigint[], event: PositionedEvent<Added>) => [...seen, event.position],
};
const added = (amount: number) => ({
  type: 'Added',
  data: { amount },
  metadata: { actor: { userId: 'u-1', name: 'Ada' }, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'c' },
});

describe('FoldCache', () => {
  let store: SqliteEventStore;
  let reads: number[];
  let watched: EventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    reads = [];
    watched = Object.assign(Object.create(store) as EventStore, {
      readStream: async (...args: Parameters<EventStore['readStream']>) => {
        const events = await store.readStream(...args);
        reads.push(events.length);
        return events;
      },
    });
  });
  afterEach(() => store.close());

  it('keeps a state per decider of one stream, each read on from where it was', async () => {
    const cache = new FoldCache();
    await store.append('tally-1', [added(2), added(3)], { expectedLastIndex: -1 });
    await store.append('other-1', [added(100)], { expectedLastIndex: -1 });
    expect((await foldStream(watched, total, 'tally-1', cache)).state).toBe(5);
    expect((await foldStream(watched, positions, 'tally-1', cache)).state).toEqual([1n, 2n]);
    await store.append('tally-1', [added(4)], { expectedLastIndex: 1 });
    expect((await foldStream(watched, total, 'tally-1', cache)).state).toBe(9);
    expect((await foldStream(watched, positions, 'tally-1', cache)).state).toEqual([1n, 2n, 4n]);
    // Each decider read the whole stream once, then only the event appended since.
    expect(reads).toEqual([2, 2, 1, 1]);
  });

  it('lets the least recently used stream go first, with every decider of it', async () => {
    const cache = new FoldCache(1);
    await store.append('tally-1', [added(1)], { expectedLastIndex: -1 });
    await store.append('tally-2', [added(1)], { expectedLastIndex: -1 });
    await foldStream(watched, total, 'tally-1', cache);
    await foldStream(watched, positions, 'tally-1', cache);
    await foldStream(watched, total, 'tally-2', cache);
    expect(cache.get('tally-1', total)).toBeUndefined();
    expect(cache.get('tally-1', positions)).toBeUndefined();
    expect(cache.get('tally-2', total)?.state).toBe(1);
  });
});
