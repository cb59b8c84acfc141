import type { RecordedEvent } from '@cf/event-store';
import type { MemberStayRow } from '@cf/projects';
import { ActivityFeed } from './activity-feed.js';

export const raised: RecordedEvent = {
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

/** A fake log's wait: true at once while there are events past `after`, else false after a moment (as a timeout). */
export const eventsPast =
  (head: () => bigint, idleMs = 5) =>
  async (after: bigint): Promise<boolean> =>
    after < head() || new Promise<boolean>((resolve) => setTimeout(() => resolve(false), idleMs));

/** A feed on a fake log, whose projects' member stays are `stays` (each project asked is noted in `asked`). */
export const feedOn = (eventSourcing: object, stays: readonly MemberStayRow[] = [], asked: string[] = []): ActivityFeed =>
  new (class extends ActivityFeed {
    protected override async staysOf(projectId: string): Promise<readonly MemberStayRow[]> {
      asked.push(projectId);
      return stays;
    }
  })(eventSourcing as never);
