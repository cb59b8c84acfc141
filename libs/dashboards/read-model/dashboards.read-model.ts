import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import { type DepartmentRow, alphabetically, departmentNames } from './department-names.js';

interface DashboardsTables {
  dashboard_counters: { project_id: string; counter: string; value: number };
  dashboard_requests: { request_id: string; project_id: string; first_response_hours: number | null; response_bucket: number | null };
  dashboard_contact_days: { project_id: string; user_id: string; month: string; days: number };
  dashboard_response_times: { project_id: string; bucket: number; hours: number; count: number };
  dashboard_departments: DepartmentRow & { project_id: string; contacts: number };
}

/** Reads of the dashboards projection: each one a few rows, whatever the project's history. */
export const dashboardsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<DashboardsTables>;
  return {
    /** Every counter of the project (a few dozen rows); a missing counter is 0. */
    counters: async (projectId: string): Promise<Map<string, number>> => {
      const rows = await db.selectFrom('dashboard_counters').select(['counter', 'value']).where('project_id', '=', projectId).execute();
      return new Map(rows.map((r) => [r.counter, Number(r.value)]));
    },

    /** Days per user in one month (YYYY-MM). */
    contactDays: async (projectId: string, month: string): Promise<Map<string, number>> => {
      const rows = await db
        .selectFrom('dashboard_contact_days')
        .select(['user_id', 'days'])
        .where('project_id', '=', projectId)
        .where('month', '=', month)
        .execute();
      return new Map(rows.map((r) => [r.user_id, Number(r.days)]));
    },

    /** Departments with remembered contacts of whom none attended a session, alphabetically. */
    uncontactedDepartments: async (projectId: string): Promise<string[]> => {
      const rows = await db
        .selectFrom('dashboard_departments')
        .select(['department_key', 'organisation', 'department', 'attended'])
        .where('project_id', '=', projectId)
        .where('contacts', '>', 0)
        .execute();
      const names = departmentNames(rows);
      return names.filter((_, index) => rows[index].attended === 0).sort(alphabetically);
    },

    /**
     * The median of the first-response times: the middle one (or the mean of the middle two).
     * `buckets` are the per-bucket counts (from the counters); each rank is read inside its bucket.
     */
    medianFirstResponseHours: async (projectId: string, buckets: Map<number, number>): Promise<number | null> => {
      const responded = [...buckets.values()].reduce((sum, n) => sum + n, 0);
      if (responded <= 0) return null;
      const ranks = responded % 2 === 1 ? [(responded - 1) / 2] : [responded / 2 - 1, responded / 2];
      const values = await Promise.all(ranks.map((rank) => nthFirstResponseHours(db, projectId, buckets, rank)));
      return values.reduce((sum, hours) => sum + hours, 0) / values.length;
    },
  };
};

/** The rank-th smallest first-response time (0-based), found through the bucket counts. */
const nthFirstResponseHours = async (
  db: Kysely<DashboardsTables>,
  projectId: string,
  buckets: Map<number, number>,
  rank: number,
): Promise<number> => {
  let before = 0;
  for (const [bucket, count] of [...buckets].sort(([a], [b]) => a - b)) {
    if (rank < before + count) return nthInBucket(db, projectId, bucket, rank - before);
    before += count;
  }
  throw new Error(`rank ${rank} is beyond the ${before} first responses counted`);
};

/** Inside one bucket, walks its distinct times (with how many took each) up to the rank. */
const nthInBucket = async (db: Kysely<DashboardsTables>, projectId: string, bucket: number, rank: number): Promise<number> => {
  const times = await db
    .selectFrom('dashboard_response_times')
    .select(['hours', 'count'])
    .where('project_id', '=', projectId)
    .where('bucket', '=', bucket)
    .orderBy('hours')
    .execute();
  let before = 0;
  for (const { hours, count } of times) {
    before += Number(count);
    if (rank < before) return Number(hours);
  }
  throw new Error(`rank ${rank} is beyond bucket ${bucket}`);
};
