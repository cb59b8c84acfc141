import { jest } from '@jest/globals';
import { type Decider, DomainError } from '@cf/core';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import type { EventStore } from './event-store.js';
import type { CommandMetadata } from './command.js';
import { handleCommand } from './handle-command.js';

type Added = { type: 'Added'; data: { amount: number; at: string } };
const tally: Decider<{ amount: number; at: string }, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command) => [{ type: 'Added', data: { amount: command.amount, at: command.at } }],
};
const metadata: CommandMetadata = {
  actor: { userId: 'u-1', name: 'Ada' },
  clock: () => new Date('2026-03-01T10:00:00Z'),
  correlationId: 'corr-1',
};
const added = {
  type: 'Added',
  data: { amount: 1 },
  metadata: { actor: metadata.actor, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'c' },
};

/**
 * A command whose caller read facts from the command's own stream (held in `unmoved`) is never
 * decided on a newer state than those facts, and a race on that stream goes back to the caller,
 * who reads them again, instead of being tried again here with facts that can no longer hold.
 */
describe('handleCommand with facts read from its own stream', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ file: ':memory:' })));
  afterEach(() => store.close());

  it('refuses at once, without deciding, when the stream moved since its facts were read', async () => {
    await store.append('tally-1', [added], { expectedLastIndex: 'no_stream' });
    const decide = jest.spyOn(tally, 'decide');
    const answer = handleCommand(store, tally, 'tally-1', { amount: 5 }, metadata, { unmoved: [{ stream: 'tally-1', lastIndex: -1 }] });
    await expect(answer).rejects.toMatchObject({ code: 'CONFLICT', details: { stream: 'tally-1', currentRevision: 0 } });
    expect(decide).not.toHaveBeenCalled();
    expect(await store.lastIndexOf('tally-1')).toBe(0);
    decide.mockRestore();
  });

  it('hands a race on the stream back to the caller after one append', async () => {
    await store.append('tally-1', [added], { expectedLastIndex: 'no_stream' });
    let appends = 0;
    const racing = Object.assign(Object.create(store) as EventStore, {
      append: async (...args: Parameters<EventStore['append']>) => {
        appends += 1;
        await store.append('tally-1', [added], { expectedLastIndex: 'any' }); // another writer first
        return store.append(...args);
      },
    });
    const answer = handleCommand(racing, tally, 'tally-1', { amount: 5 }, metadata, { unmoved: [{ stream: 'tally-1', lastIndex: 0 }] });
    await expect(answer).rejects.toBeInstanceOf(DomainError);
    expect(appends).toBe(1);
  });
});
