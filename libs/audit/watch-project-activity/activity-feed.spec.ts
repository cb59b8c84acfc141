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
});
