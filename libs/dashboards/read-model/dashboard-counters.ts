import type { ReadModelTransaction } from '@cf/event-store';

/** What one entity adds to its project's counters (counter name → amount). */
export type Counts = Record<string, number>;

/**
 * Moves a project's counters by `after − before`: an entity's old contribution is taken back
 * and its new one added, so every counter stays the sum over entities without re-reading them.
 */
export const shiftCounters = async (trx: ReadModelTransaction, projectId: string, before: Counts, after: Counts): Promise<void> => {
  for (const counter of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[counter] ?? 0) - (before[counter] ?? 0);
    if (delta === 0) continue;
    await trx.insertInto('dashboard_counters').values({ project_id: projectId, counter, value: delta })
      .onConflict((oc) => oc.columns(['project_id', 'counter'])
        .doUpdateSet((eb) => ({ value: eb('dashboard_counters.value', '+', eb.ref('excluded.value')) })))
      .execute();
  }
};

/** Counter names, each used by one apply file and read by dashboards.read-model.ts. */
export const COUNTER = {
  commitmentsTotal: 'commitments.total',
  commitmentStatus: (status: string) => `commitments.status.${status}`,
  outsideRequirements: 'commitments.outsideRequirements',
  outsideBudget: 'commitments.outsideBudget',
  madeWithoutAuthority: 'commitments.madeWithoutAuthority',
  hoursOutsideBudget: 'commitments.hoursOutsideBudget',
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
  return new Map([...counters].filter(([name, n]) => name.startsWith(prefix) && n > 0)
    .map(([name, n]) => [Number(name.slice(prefix.length)), Math.round(n)]));
};
