import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { verifyChains, verifyStreamChain } from './chain-verification.js';
import type { RecordedEvent } from './event-store.js';
import { Upcasters } from './upcasting.js';

const metadata = { actor: { userId: 'u-1', name: 'Ada' }, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'c-1' };

describe('chain verification', () => {
  let store: SqliteEventStore;
  let events: RecordedEvent[];
  beforeAll(async () => {
    // An upcaster changes what a normal read returns; the chain is over what was stored.
    store = new SqliteEventStore({
      file: ':memory:',
      upcasters: new Upcasters([{ type: 'Noted', fromVersion: 1, upcast: (d) => ({ ...d, v2: true }) }]),
    });
    await store.append(
      'note-1',
      [1, 2, 3, 4].map((n) => ({ type: 'Noted', schemaVersion: 1, data: { n }, metadata })),
      { expectedLastIndex: 'no_stream' },
    );
    await store.append('note-2', [{ type: 'Noted', schemaVersion: 1, data: { n: 9 }, metadata }], { expectedLastIndex: 'no_stream' });
    events = await store.readStream('note-1', { raw: true });
  });
  afterAll(() => store.close());

  it('holds for a stream as stored, and counts streams and events', async () => {
    expect(verifyStreamChain(events)).toBeNull();
    expect(verifyChains(await store.readAll({ after: 0n, limit: 100, raw: true }))).toEqual({
      ok: true,
      streamsChecked: 2,
      eventsChecked: 5,
      firstBrokenLink: null,
    });
  });

  it('does not hold over upcast data (so verification must read raw)', async () => {
    expect(verifyStreamChain(await store.readStream('note-1'))).toMatchObject({ indexInStream: 0, reason: 'HASH_MISMATCH' });
  });

  it('catches altered data, type or metadata', () => {
    const altered = events.map((e) => (e.indexInStream === 2 ? { ...e, data: { n: 30 } } : e));
    expect(verifyStreamChain(altered)).toEqual({
      stream: 'note-1',
      indexInStream: 2,
      position: events[2].position,
      reason: 'HASH_MISMATCH',
    });
    expect(verifyStreamChain(events.map((e) => (e.indexInStream === 1 ? { ...e, type: 'Other' } : e)))).toMatchObject({
      indexInStream: 1,
      reason: 'HASH_MISMATCH',
    });
    const actor = { userId: 'u-2', name: 'Bob' };
    expect(verifyStreamChain(events.map((e) => (e.indexInStream === 3 ? { ...e, metadata: { ...e.metadata, actor } } : e)))).toMatchObject({
      indexInStream: 3,
      reason: 'HASH_MISMATCH',
    });
  });

  it('catches a deleted event as a revision gap, and a deleted first event too', () => {
    expect(verifyStreamChain(events.filter((e) => e.indexInStream !== 1))).toEqual({
      stream: 'note-1',
      indexInStream: 2,
      position: events[2].position,
      reason: 'REVISION_GAP',
    });
    expect(verifyStreamChain(events.slice(1))).toMatchObject({ indexInStream: 1, reason: 'REVISION_GAP' });
  });

  it('catches two events whose revisions were swapped', () => {
    const swapped = [events[0], { ...events[2], indexInStream: 1 }, { ...events[1], indexInStream: 2 }, events[3]];
    expect(verifyStreamChain(swapped)).toEqual({
      stream: 'note-1',
      indexInStream: 1,
      position: events[2].position,
      reason: 'PREV_HASH_MISMATCH',
    });
  });

  it('reports the first broken stream across several', () => {
    const all = [...events.filter((e) => e.indexInStream !== 0)];
    expect(verifyChains(all)).toMatchObject({
      ok: false,
      streamsChecked: 1,
      eventsChecked: 3,
      firstBrokenLink: { indexInStream: 1, reason: 'REVISION_GAP' },
    });
  });
});
