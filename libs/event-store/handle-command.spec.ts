import { type Decider, DomainError } from '@cf/core';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import type { EventStore } from './event-store.js';
import { FoldCache } from './fold-cache.js';
import type { CommandMetadata } from './command.js';
import { handleCommand } from './handle-command.js';
import { RACE_TRIES } from './race-tries.js';

type Added = { type: 'Added'; data: { amount: number; at: string } };
const AT = '2026-03-01T10:00:00.000Z';
const tally: Decider<{ amount: number; at: string }, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (state.total + command.amount > 100) throw DomainError.ruleViolated('atMostHundred', 'total may not pass 100');
    return [{ type: 'Added', data: { amount: command.amount, at: command.at } }];
  },
};

const metadata = (extra: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: { userId: 'u-1', name: 'Ada' },
  clock: () => new Date(AT),
  correlationId: 'corr-1',
  ...extra,
});

/** A store on which someone else appends to the stream right before each of our appends. */
const interfered = (store: EventStore, times: number): EventStore => {
  let left = times;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      if (left-- > 0) await store.append(args[0], [{ ...args[1][0], type: 'Added' }], { expectedLastIndex: 'any' });
      return store.append(...args);
    },
  });
};

describe('handleCommand', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ file: ':memory:' })));
  afterEach(() => store.close());

  it('reads, decides and appends with the actor and time as metadata', async () => {
    const result = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata());
    expect(result).toEqual({ stream: 'tally-1', lastIndex: 0, position: 1n, replayed: false });
    const [event] = await store.readStream('tally-1');
    expect(event.metadata).toEqual({
      actor: { userId: 'u-1', name: 'Ada' },
      occurredAt: '2026-03-01T10:00:00.000Z',
      correlationId: 'corr-1',
    });
  });

  it('decides on the folded state and appends nothing when a rule is broken', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 90 }, metadata());
    await expect(handleCommand(store, tally, 'tally-1', { amount: 20 }, metadata())).rejects.toMatchObject({
      code: 'RULE_VIOLATED',
    });
    expect(await store.lastIndexOf('tally-1')).toBe(0);
  });

  it('retries on a conflict, deciding again on fresh state', async () => {
    const result = await handleCommand(interfered(store, 1), tally, 'tally-1', { amount: 5 }, metadata());
    expect(result.lastIndex).toBe(1);
    expect((await store.readStream('tally-1')).map((e) => e.data.amount)).toEqual([5, 5]);
  });

  it('stamps each try as it decides: a try that lost a race is later than the event it lost to', async () => {
    let second = 0;
    const clock = () => new Date(Date.parse(AT) + 1000 * ++second);
    await handleCommand(interfered(store, 1), tally, 'tally-1', { amount: 5 }, metadata({ clock }));
    const events = await store.readStream('tally-1');
    // The first try was stamped 10:00:01 and lost to an event of that time; the second decided at 10:00:02.
    expect(events.map((e) => [e.data.at, e.metadata.occurredAt])).toEqual([
      ['2026-03-01T10:00:01.000Z', '2026-03-01T10:00:01.000Z'],
      ['2026-03-01T10:00:02.000Z', '2026-03-01T10:00:02.000Z'],
    ]);
  });

  it('never stamps an event earlier than the last one of its stream (a clock behind another instance’s)', async () => {
    const kept = new FoldCache(); // what this process decided last
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ clock: () => new Date('2026-03-01T10:00:05Z') }), {
      foldCache: kept,
    });
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ clock: () => new Date('2026-03-01T10:00:01Z') }), {
      foldCache: kept,
    });
    const fresh = new FoldCache(); // read from the store, not from what this process decided
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ clock: () => new Date('2026-03-01T10:00:02Z') }), {
      foldCache: fresh,
    });
    expect((await store.readStream('tally-1')).map((e) => [e.data.at, e.metadata.occurredAt])).toEqual(
      Array.from({ length: 3 }, () => ['2026-03-01T10:00:05.000Z', '2026-03-01T10:00:05.000Z']),
    );
  });

  it('does not hold events back behind a last event stamped far ahead by a wrong clock', async () => {
    const wrong = () => new Date('2026-03-01T12:00:00Z'); // two hours ahead of the clock below
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ clock: wrong }));
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ clock: () => new Date('2026-03-01T10:00:00Z') }));
    expect((await store.readStream('tally-1')).map((e) => e.metadata.occurredAt)).toEqual([
      '2026-03-01T12:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
  });

  it('reports CONFLICT with the current last index when every try conflicts', async () => {
    const failure = handleCommand(interfered(store, RACE_TRIES), tally, 'tally-1', { amount: 5 }, metadata());
    await expect(failure).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { stream: 'tally-1', currentRevision: RACE_TRIES - 1, lostRace: true },
    });
  });

  it('reports CONFLICT at once when the sender saw an older last index', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata());
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata());
    const stale = handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ expectedLastIndex: 0 }));
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', details: { currentRevision: 1 } });
    await expect(stale).rejects.not.toHaveProperty('details.lostRace'); // the sender reads again and decides, never blindly resends
    const accepted = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ expectedLastIndex: 1 }));
    expect(accepted.lastIndex).toBe(2);
  });

  it('returns the first result for a retried idempotency key and appends nothing', async () => {
    const first = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-1' }));
    const again = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-1' }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.lastIndexOf('tally-1')).toBe(0);
    const otherUser = await handleCommand(
      store,
      tally,
      'tally-1',
      { amount: 5 },
      metadata({ idempotencyKey: 'k-1', actor: { userId: 'u-2', name: 'Bo' } }),
    );
    expect(otherUser.replayed).toBe(false);
  });

  it('asks sameAsReplayed about a key found, with the first result, and its refusal is the retry’s answer', async () => {
    const first = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-2' }));
    const asked: unknown[] = [];
    const same = { sameAsReplayed: async (earlier: unknown) => void asked.push(earlier) };
    expect(await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-2' }), same)).toEqual({
      ...first,
      replayed: true,
    });
    expect(asked).toEqual([{ ...first, replayed: true }]);
    const other = { sameAsReplayed: () => Promise.reject(DomainError.badInput('idempotencyKey', 'was already used with other input')) };
    await expect(handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-2' }), other)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await store.lastIndexOf('tally-1')).toBe(0);
  });

  it('refuses a key reused with another payload or for another kind of command, and appends nothing', async () => {
    const add = (amount: number) => ({ type: 'Add', amount });
    const reset = (amount: number) => ({ type: 'Reset', amount });
    const first = await handleCommand(store, tally, 'tally-1', add(5), metadata({ idempotencyKey: 'k-3', payloadHash: 'a' }));
    expect(await handleCommand(store, tally, 'tally-1', add(5), metadata({ idempotencyKey: 'k-3', payloadHash: 'a' }))).toEqual({
      ...first,
      replayed: true,
    });
    await expect(
      handleCommand(store, tally, 'tally-1', add(6), metadata({ idempotencyKey: 'k-3', payloadHash: 'b' })),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'idempotencyKey' },
      message: expect.stringContaining('other input'),
    });
    await expect(
      handleCommand(store, tally, 'tally-2', reset(5), metadata({ idempotencyKey: 'k-3', payloadHash: 'a' })),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('another kind of command (Add)') });
    expect([await store.lastIndexOf('tally-1'), await store.lastIndexOf('tally-2')]).toEqual([0, -1]);
  });

  it('returns the first result to a retry its decider refuses because the first, sent elsewhere, got in between', async () => {
    const first = await handleCommand(store, tally, 'tally-1', { amount: 60 }, metadata({ idempotencyKey: 'k-4' }));
    // Another instance: it looked for the key before the first was committed, then read the stream after.
    let looked = false;
    const lookedTooEarly = Object.assign(Object.create(store) as EventStore, {
      findIdempotentResult: async (...args: Parameters<EventStore['findIdempotentResult']>) =>
        looked ? store.findIdempotentResult(...args) : ((looked = true), undefined),
    });
    const again = await handleCommand(lookedTooEarly, tally, 'tally-1', { amount: 60 }, metadata({ idempotencyKey: 'k-4' }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.lastIndexOf('tally-1')).toBe(0);
    // A refusal that is its own stays one: the same input without the key is refused by the rule.
    await expect(handleCommand(lookedTooEarly, tally, 'tally-1', { amount: 60 }, metadata())).rejects.toMatchObject({
      code: 'RULE_VIOLATED',
    });
  });

  it('replays a key bound by an earlier way of hashing the input, which cannot be compared, as a key from before fingerprints', async () => {
    const add = (amount: number) => ({ type: 'Add', amount });
    const reset = (amount: number) => ({ type: 'Reset', amount });
    const first = await handleCommand(
      store,
      tally,
      'tally-1',
      add(5),
      metadata({ idempotencyKey: 'k-5', payloadHash: 'raw-arguments-hash' }),
    );
    const again = await handleCommand(
      store,
      tally,
      'tally-1',
      add(5),
      metadata({ idempotencyKey: 'k-5', payloadHash: 'input:input-hash' }),
    );
    expect(again).toEqual({ ...first, replayed: true });
    // Hashed the same way, other input is still refused; another kind of command whatever the way.
    await handleCommand(store, tally, 'tally-2', add(1), metadata({ idempotencyKey: 'k-6', payloadHash: 'input:one' }));
    await expect(
      handleCommand(store, tally, 'tally-2', add(2), metadata({ idempotencyKey: 'k-6', payloadHash: 'input:two' })),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'idempotencyKey' } });
    await expect(
      handleCommand(store, tally, 'tally-3', reset(5), metadata({ idempotencyKey: 'k-5', payloadHash: 'input:x' })),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('another kind of command (Add)') });
  });

  it('returns the first result when the same key races itself', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-2' }))),
    );
    expect(new Set(results.map((r) => r.position)).size).toBe(1);
    expect(await store.lastIndexOf('tally-1')).toBe(0);
  });
});

describe('handleCommand with a fold cache', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ file: ':memory:' })));
  afterEach(() => store.close());

  /** Counts the events each read returns, to see that a cached fold reads only the tail. */
  const counted = (inner: EventStore) => {
    const reads: number[] = [];
    const wrapped = Object.assign(Object.create(inner) as EventStore, {
      readStream: async (...args: Parameters<EventStore['readStream']>) => {
        const events = await inner.readStream(...args);
        reads.push(events.length);
        return events;
      },
    });
    return { store: wrapped, reads };
  };

  it('reads only the events appended since its last decision, and decides on the same state', async () => {
    const cache = new FoldCache();
    const { store: watched, reads } = counted(store);
    for (let i = 0; i < 5; i++) await handleCommand(watched, tally, 'tally-1', { amount: 10 }, metadata(), { foldCache: cache });
    await store.append(
      'tally-1',
      [
        {
          type: 'Added',
          data: { amount: 40 },
          metadata: { actor: { userId: 'x', name: 'X' }, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'c' },
        },
      ],
      { expectedLastIndex: 4 },
    );
    await expect(handleCommand(watched, tally, 'tally-1', { amount: 20 }, metadata(), { foldCache: cache })).rejects.toMatchObject({
      code: 'RULE_VIOLATED',
    });
    expect(reads).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('forgets a stream whose append conflicted, and decides again from the store', async () => {
    const cache = new FoldCache();
    await handleCommand(store, tally, 'tally-1', { amount: 50 }, metadata(), { foldCache: cache });
    const result = await handleCommand(interfered(store, 1), tally, 'tally-1', { amount: 5 }, metadata(), { foldCache: cache });
    expect(result.lastIndex).toBe(2);
    await expect(handleCommand(store, tally, 'tally-1', { amount: 45 }, metadata(), { foldCache: cache })).rejects.toMatchObject({
      code: 'RULE_VIOLATED',
    });
  });

  it('lets every one of many concurrent writers of one stream through, deciding each on fresh state', async () => {
    const cache = new FoldCache();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => handleCommand(store, tally, 'tally-1', { amount: 10 }, metadata(), { foldCache: cache })),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.details?.rule);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toEqual(['atMostHundred', 'atMostHundred']);
    expect((await store.readStream('tally-1')).reduce((sum, e) => sum + (e.data.amount as number), 0)).toBe(100);
  });
});
