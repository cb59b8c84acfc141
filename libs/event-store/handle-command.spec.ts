import { type Decider, DomainError } from '@cf/core';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import type { EventStore } from './event-store.js';
import { type CommandMetadata, handleCommand } from './handle-command.js';

type Added = { type: 'Added'; data: { amount: number } };
const tally: Decider<{ amount: number }, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (state.total + command.amount > 100) throw DomainError.ruleViolated('atMostHundred', 'total may not pass 100');
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};

const metadata = (extra: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: { userId: 'u-1', name: 'Ada' },
  at: new Date('2026-03-01T10:00:00Z'),
  correlationId: 'corr-1',
  ...extra,
});

/** A store on which someone else appends to the stream right before each of our appends. */
const interfered = (store: EventStore, times: number): EventStore => {
  let left = times;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      if (left-- > 0) await store.append(args[0], [{ ...args[1][0], type: 'Added' }], { expectedRevision: 'any' });
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
    expect(result).toEqual({ stream: 'tally-1', revision: 0, position: 1n, replayed: false });
    const [event] = await store.readStream('tally-1');
    expect(event.metadata).toEqual({ actor: { userId: 'u-1', name: 'Ada' }, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'corr-1' });
  });

  it('decides on the folded state and appends nothing when a rule is broken', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 90 }, metadata());
    await expect(handleCommand(store, tally, 'tally-1', { amount: 20 }, metadata())).rejects.toMatchObject({ code: 'RULE_VIOLATED' });
    expect(await store.streamRevision('tally-1')).toBe(0);
  });

  it('retries once on a conflict, deciding again on fresh state', async () => {
    const result = await handleCommand(interfered(store, 1), tally, 'tally-1', { amount: 5 }, metadata());
    expect(result.revision).toBe(1);
    expect((await store.readStream('tally-1')).map((e) => e.data.amount)).toEqual([5, 5]);
  });

  it('reports CONFLICT with the current revision when the retry conflicts too', async () => {
    const failure = handleCommand(interfered(store, 2), tally, 'tally-1', { amount: 5 }, metadata());
    await expect(failure).rejects.toMatchObject({ code: 'CONFLICT', details: { stream: 'tally-1', currentRevision: 1 } });
  });

  it('reports CONFLICT at once when the sender saw an older revision', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata());
    await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata());
    await expect(handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ expectedRevision: 0 })))
      .rejects.toMatchObject({ code: 'CONFLICT', details: { currentRevision: 1 } });
    const accepted = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ expectedRevision: 1 }));
    expect(accepted.revision).toBe(2);
  });

  it('returns the first result for a retried idempotency key and appends nothing', async () => {
    const first = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-1' }));
    const again = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-1' }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.streamRevision('tally-1')).toBe(0);
    const otherUser = await handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-1', actor: { userId: 'u-2', name: 'Bo' } }));
    expect(otherUser.replayed).toBe(false);
  });

  it('refuses a key reused with another payload or for another kind of command, and appends nothing', async () => {
    const add = (amount: number) => ({ type: 'Add', amount });
    const first = await handleCommand(store, tally, 'tally-1', add(5), metadata({ idempotencyKey: 'k-3', payloadHash: 'a' }));
    expect(await handleCommand(store, tally, 'tally-1', add(5), metadata({ idempotencyKey: 'k-3', payloadHash: 'a' }))).toEqual({ ...first, replayed: true });
    await expect(handleCommand(store, tally, 'tally-1', add(6), metadata({ idempotencyKey: 'k-3', payloadHash: 'b' })))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'idempotencyKey' }, message: expect.stringContaining('other input') });
    await expect(handleCommand(store, tally, 'tally-2', { type: 'Reset', amount: 5 }, metadata({ idempotencyKey: 'k-3', payloadHash: 'a' })))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('another kind of command (Add)') });
    expect([await store.streamRevision('tally-1'), await store.streamRevision('tally-2')]).toEqual([0, -1]);
  });

  it('returns the first result when the same key races itself', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata({ idempotencyKey: 'k-2' }))),
    );
    expect(new Set(results.map((r) => r.position)).size).toBe(1);
    expect(await store.streamRevision('tally-1')).toBe(0);
  });
});
