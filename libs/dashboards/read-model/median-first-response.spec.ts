import { SqliteEventStore, openSqliteReadModels, ProjectionRunner } from '@cf/event-store';
import { dashboardsProjection } from './dashboards.projection.js';
import { responseBucketsIn } from './dashboard-counters.js';
import { dashboardsReadModel } from './dashboards.read-model.js';

const PROJECT = '01900000-0000-7000-8000-0000000000aa';
const metadata = (at: string) => ({ actor: { userId: 'u', name: 'U' }, occurredAt: at, correlationId: 'c' });

/** Raises a request at t0 and answers it `hours` later. */
const answeredAfter = async (store: SqliteEventStore, n: number, hours: number): Promise<void> => {
  const raisedAt = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const answeredAt = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString();
  const requestId = `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  await store.append(
    `request-${requestId}`,
    [
      {
        type: 'RequestRaised',
        data: {
          requestId,
          projectId: PROJECT,
          title: 't',
          description: '',
          kind: 'FEATURE',
          channel: 'WRITTEN',
          requestedById: 'c',
          requirementIds: [],
          at: raisedAt,
        },
        metadata: metadata(raisedAt),
      },
      {
        type: 'RequestResponded',
        data: { requestId, projectId: PROJECT, stance: 'ACCEPT', message: 'ok', respondedBy: { userId: 'u', name: 'U' }, at: answeredAt },
        metadata: metadata(answeredAt),
      },
    ],
    { expectedLastIndex: 'no_stream' },
  );
};

describe('the median time to first response', () => {
  it('is the middle time, or the mean of the middle two, found through the response buckets', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    const db = openSqliteReadModels(':memory:');
    const runner = new ProjectionRunner(store, db, [dashboardsProjection]);
    await runner.migrate();
    const median = async () => {
      await runner.catchUp();
      const counters = await dashboardsReadModel(db).counters(PROJECT);
      return dashboardsReadModel(db).medianFirstResponseHours(PROJECT, responseBucketsIn(counters));
    };
    expect(await median()).toBeNull();
    for (const [n, hours] of [100, 1, 3, 2, 10].entries()) await answeredAfter(store, n, hours);
    expect(await median()).toBe(3);
    await answeredAfter(store, 9, 0.5);
    expect(await median()).toBe(2.5);
    await db.destroy();
    await store.close();
  });
});
