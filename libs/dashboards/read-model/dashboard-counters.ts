import { type Counts, type PageRows, shiftCounters } from '@cf/event-store';

export type { Counts } from '@cf/event-store';

/** Moves a project's dashboard counters by `after − before` (see the store's shiftCounters). */
export const shiftDashboardCounters = (rows: PageRows, projectId: string, before: Counts, after: Counts): Promise<void> =>
  shiftCounters(rows, 'dashboard_counters', projectId, before, after);

/** Counter names, each used by one apply file and read by dashboards.read-model.ts. */
export const COUNTER = {
  requestsTotal: 'requests.total',
  requestChannel: (channel: string) => `requests.channel.${channel}`,
  requestsOpen: 'requests.open',
  requestsResponded: 'requests.responded',
  requestsDeclined: 'requests.declined',
  churn: (trigger: string) => `churn.${trigger}`,
  responseBucket: (bucket: number) => `requests.firstResponseBucket.${bucket}`,
} as const;

/**
 * First-response times fall into log-scale buckets (8 a doubling: ~9 % wide). The median then
 * reads the bucket counts (counters) and walks only inside one bucket, not half the project.
 */
export const responseBucketOf = (hours: number): number => Math.floor(Math.log2(Math.max(hours, 0) + 1) * 8);

/** The per-bucket counts of first responses among a project's counters. */
export const responseBucketsIn = (counters: Map<string, number>): Map<number, number> => {
  const prefix = COUNTER.responseBucket(0).slice(0, -1);
  return new Map(
    [...counters]
      .filter(([name, n]) => name.startsWith(prefix) && n > 0)
      .map(([name, n]) => [Number(name.slice(prefix.length)), Math.round(n)]),
  );
};
