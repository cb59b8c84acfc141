import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '@cf/event-store';
import type { MemberStayRow } from '@cf/projects';
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
      protected override async staysOf(): Promise<readonly MemberStayRow[]> {
        return [];
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
      protected override async staysOf(): Promise<readonly MemberStayRow[]> {
        return [];
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

  it('reads no events while nobody subscribes, only where the head is', async () => {
    let [head, heads, reads] = [0n, 0, 0];
    const eventSourcing = {
      store: {
        headPosition: async () => (heads++, head),
        waitForEvents: async (after: bigint) => after < head || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async ({ after }: { after: bigint }) => (reads++, after < head ? [{ ...raised, position: head }] : []),
      },
      runner: { waitFor: async () => true },
    };
    const feed = new ActivityFeed(eventSourcing as never);
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
        waitForEvents: async (after: bigint) => after < 3n || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async ({ after }: { after: bigint }) => page.filter((recorded) => recorded.position > after),
      },
      // Time for the subscriber's first next() to listen before the page is published.
      runner: { waitFor: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20)) },
    };
    const asked: string[] = [];
    const feed = new (class extends ActivityFeed {
      protected override async staysOf(projectId: string): Promise<readonly MemberStayRow[]> {
        asked.push(projectId);
        return [];
      }
    })(eventSourcing as never);
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
        waitForEvents: async (after: bigint) => after < head || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async ({ after }: { after: bigint }) =>
          [1n, 2n].filter((position) => position > after && position <= head).map((position) => ({ ...raised, position })),
      },
      runner: { waitFor: async () => true },
    };
    const feed = new (class extends ActivityFeed {
      protected override async staysOf(): Promise<readonly MemberStayRow[]> {
        return [];
      }
    })(eventSourcing as never);
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
        waitForEvents: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async () => [],
      },
      runner: { waitFor: async () => true },
    };
    const feed = new ActivityFeed(eventSourcing as never);
    try {
      await expect(feed.subscribe('p1')).rejects.toThrow('ECONNREFUSED');
      await expect(feed.subscribe('p1')).resolves.toBeDefined();
    } finally {
      await feed.onModuleDestroy();
    }
  });

  it('names no one who has been a customer of the project, though removed by the time the event is published', async () => {
    const eventSourcing = {
      store: {
        headPosition: async () => 0n,
        waitForEvents: async (after: bigint) => after < 1n || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async ({ after }: { after: bigint }) => (after < 1n ? [raised] : []),
      },
      runner: { waitFor: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20)) },
    };
    const removed = { seq: 1, user_id: 'maria', name: 'Maria', role: 'CUSTOMER', since: '2026-03-01', until: '2026-03-02' } as const;
    const feed = new (class extends ActivityFeed {
      protected override async staysOf(): Promise<readonly MemberStayRow[]> {
        return [removed];
      }
    })(eventSourcing as never);
    try {
      const activity = await feed.subscribe('p1');
      expect((await activity.next()).value).toMatchObject({ actor: { name: 'A customer' }, summary: expect.not.stringContaining('Maria') });
    } finally {
      await feed.onModuleDestroy();
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
        waitForEvents: async (after: bigint) => after < 5n || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5)),
        readAll: async () => [],
      },
      runner: { waitFor: async () => true },
    };
    const feed = new ActivityFeed(eventSourcing as never);
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
});
