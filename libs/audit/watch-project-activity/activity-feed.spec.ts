import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { eventsPast, feedOn, raised } from './activity-feed.fakes.js';

/** What the feed publishes, and how it follows the log through an outage. */
describe('the activity feed', () => {
  it('publishes an event only once the read models have applied it, waiting again when they had not yet', async () => {
    const answers = [false, true];
    const asked: boolean[] = [];
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: eventsPast(() => 1n, 10),
        readAll: async ({ after }: { after: bigint }) => (after < 1n ? [raised] : []),
      },
      runner: {
        waitFor: async () => {
          const applied = answers.shift() ?? true;
          asked.push(applied);
          return applied;
        },
      },
    };
    // Maria is a team member, linked to no contact.
    const feed = feedOn(eventSourcing);
    const activity = await feed.subscribe('p1');
    const first = await activity.next();
    expect(asked).toEqual([false, true]);
    expect(first.value).toMatchObject({ position: '1', type: 'RequestRaised', actor: { name: 'Maria' } });
    await feed.onModuleDestroy();
  });

  it('names no one who has been a customer of the project, though removed by the time the event is published', async () => {
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: eventsPast(() => 1n),
        readAll: async ({ after }: { after: bigint }) => (after < 1n ? [raised] : []),
      },
      runner: { waitFor: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20)) },
    };
    const removed = { seq: 1, user_id: 'maria', name: 'Maria', role: 'CUSTOMER', since: '2026-03-01', until: '2026-03-02' } as const;
    const feed = feedOn(eventSourcing, [removed]);
    try {
      const activity = await feed.subscribe('p1');
      expect((await activity.next()).value).toMatchObject({ actor: { name: 'A customer' }, summary: expect.not.stringContaining('Maria') });
    } finally {
      await feed.onModuleDestroy();
    }
  });

  it('warns once while the log cannot be read, not every second, and says when it reads it again', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const said = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    let failures = 2;
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: async (after: bigint) => after < 1n,
        readAll: async ({ after }: { after: bigint }) => {
          if (failures-- > 0) throw new Error('connect ECONNREFUSED');
          return after < 1n ? [raised] : [];
        },
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      const activity = await feed.subscribe('p1');
      expect((await activity.next()).value).toMatchObject({ position: '1' });
      expect(warned.mock.calls).toEqual([
        ['activity feed stopped on an error; retrying every second, quietly until it follows again: connect ECONNREFUSED'],
      ]);
      expect(said.mock.calls).toEqual([['the activity feed reads the log again']]);
    } finally {
      await feed.onModuleDestroy();
      jest.restoreAllMocks();
    }
  });

  it('says it reads the log again once the log answers, with nobody subscribed', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const said = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    let heads = 0;
    const eventSourcing = {
      store: {
        // The start's answer, then one failure, as the database goes away a moment, then the head again.
        headPosition: async () => {
          if (++heads === 2) throw new Error('connect ECONNREFUSED');
          return heads === 1 ? 0n : 5n;
        },
        waitForEvents: eventsPast(() => 5n),
        readAll: async () => [],
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      await (await feed.subscribe('p1')).return?.();
      for (const end = Date.now() + 5_000; said.mock.calls.length === 0 && Date.now() < end;)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warned).toHaveBeenCalledTimes(1);
      expect(said.mock.calls).toEqual([['the activity feed reads the log again']]);
    } finally {
      await feed.onModuleDestroy();
      jest.restoreAllMocks();
    }
  });

  it('says it reads the log again when the wait answers with nothing new, as on PostgreSQL, where the wait reads the head', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const said = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    let failures = 1;
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: async () => {
          if (failures-- > 0) throw new Error('connect ECONNREFUSED');
          return new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5));
        },
        readAll: async () => [],
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      await feed.subscribe('p1');
      for (const end = Date.now() + 5_000; said.mock.calls.length === 0 && Date.now() < end;)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(said.mock.calls).toEqual([['the activity feed reads the log again']]);
    } finally {
      await feed.onModuleDestroy();
      jest.restoreAllMocks();
    }
  });
});
