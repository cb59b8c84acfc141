import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '@cf/event-store';
import { ActivityFeed } from './activity-feed.js';

const raised: RecordedEvent = {
  position: 1n,
  stream: 'request-r1',
  indexInStream: 0,
  type: 'RequestRaised',
  schemaVersion: 1,
  data: { requestId: 'r1', projectId: 'p1', title: 'Export' },
  prevHash: '',
  hash: '',
  metadata: { actor: { userId: 'maria', name: 'Maria' }, occurredAt: '2026-03-02T10:00:00.000Z', correlationId: 'c' },
};

describe('the activity feed', () => {
  it('publishes an event only once the read models have applied it, waiting again when they had not yet', async () => {
    const answers = [false, true];
    const asked: boolean[] = [];
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: async (after: bigint) => after < 1n || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10)),
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
    const feed = new (class extends ActivityFeed {
      protected override async actsAsContact(): Promise<boolean> {
        return false;
      }
    })(eventSourcing as never);
    const activity = await feed.subscribe('p1');
    const first = await activity.next();
    expect(asked).toEqual([false, true]);
    expect(first.value).toMatchObject({ position: '1', type: 'RequestRaised', actor: { name: 'Maria' } });
    await feed.onModuleDestroy();
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
    const feed = new (class extends ActivityFeed {
      protected override async actsAsContact(): Promise<boolean> {
        return false;
      }
    })(eventSourcing as never);
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
});
