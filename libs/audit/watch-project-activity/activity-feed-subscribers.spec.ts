import type { RecordedEvent } from '@cf/event-store';
import { eventsPast, feedOn, raised } from './activity-feed.fakes.js';

/** What the feed reads for its subscribers: nothing while there are none, each project's stays once a page. */
describe('the activity feed and its subscribers', () => {
  it('reads no events while nobody subscribes, only where the head is', async () => {
    let [head, heads, reads] = [0n, 0, 0];
    const eventSourcing = {
      store: {
        headPosition: async () => (heads++, head),
        waitForEvents: eventsPast(() => head),
        readAll: async ({ after }: { after: bigint }) => (reads++, after < head ? [{ ...raised, position: head }] : []),
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      const activity = await feed.subscribe('p1');
      await activity.return?.();
      head = 3n;
      // Past the head read at the start: the feed moved to the new head, or read the events.
      while (heads < 2 && reads === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      expect({ heads, reads }).toEqual({ heads: 2, reads: 0 });
    } finally {
      await feed.onModuleDestroy();
    }
  });

  it('reads a project’s member stays once a page, and not for a project nobody follows', async () => {
    const event = (position: bigint, projectId: string): RecordedEvent => ({
      ...raised,
      position,
      stream: `request-r${position}`,
      data: { ...raised.data, requestId: `r${position}`, projectId },
    });
    const page = [event(1n, 'p1'), event(2n, 'p2'), event(3n, 'p1')];
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: eventsPast(() => 3n),
        readAll: async ({ after }: { after: bigint }) => page.filter((recorded) => recorded.position > after),
      },
      // Time for the subscriber's first next() to listen before the page is published.
      runner: { waitFor: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20)) },
    };
    const asked: string[] = [];
    const feed = feedOn(eventSourcing, [], asked);
    try {
      const activity = await feed.subscribe('p1');
      const positions = [(await activity.next()).value.position, (await activity.next()).value.position];
      expect(positions).toEqual(['1', '3']);
      expect(asked).toEqual(['p1']);
    } finally {
      await feed.onModuleDestroy();
    }
  });

  it('reads the events of one who subscribes while it looks for the head, with nobody subscribed before', async () => {
    let head = 0n;
    let headAsked: (() => void) | undefined;
    let headsAsked = 0;
    const eventSourcing = {
      store: {
        // The first answers at once (the start); the next waits until the test lets it answer, with the head as it is then.
        headPosition: async () => {
          if (headsAsked++ > 0) await new Promise<void>((resolve) => (headAsked = resolve));
          return head;
        },
        waitForEvents: eventsPast(() => head),
        readAll: async ({ after }: { after: bigint }) =>
          [1n, 2n].filter((position) => position > after && position <= head).map((position) => ({ ...raised, position })),
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      await (await feed.subscribe('p1')).return?.();
      head = 1n;
      while (!headAsked) await new Promise((resolve) => setTimeout(resolve, 2));
      const activity = await feed.subscribe('p1');
      const seen: string[] = [];
      const reading = (async () => {
        while (!seen.includes('2')) seen.push((await activity.next()).value.position);
      })();
      await new Promise((resolve) => setTimeout(resolve, 10)); // listening from its first next()
      head = 2n;
      headAsked();
      await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      expect(seen).toContain('2');
    } finally {
      await feed.onModuleDestroy();
    }
  });

  it('starts again for the next subscriber after a start that failed', async () => {
    let failures = 1;
    const eventSourcing = {
      store: {
        headPosition: async () => {
          if (failures-- > 0) throw new Error('connect ECONNREFUSED');
          return 0n;
        },
        waitForEvents: eventsPast(() => 0n),
        readAll: async () => [],
      },
      runner: { waitFor: async () => true },
    };
    const feed = feedOn(eventSourcing);
    try {
      await expect(feed.subscribe('p1')).rejects.toThrow('ECONNREFUSED');
      await expect(feed.subscribe('p1')).resolves.toBeDefined();
    } finally {
      await feed.onModuleDestroy();
    }
  });
});
