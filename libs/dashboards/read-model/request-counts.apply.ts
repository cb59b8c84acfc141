import type { PageRows, RecordedEvent } from '@cf/event-store';
import type { RequestEvent } from '@cf/requests';
import { COUNTER, type Counts, responseBucketOf, shiftDashboardCounters } from './dashboard-counters.js';

interface RequestCountRow {
  request_id: string;
  project_id: string;
  channel: string;
  status: string;
  raised_at: string;
  /** 1 once the request has any response. */
  responded: number;
  /** 1 when its latest response declines it. */
  declined: number;
  /** Hours from raising to the first response (from the events' own times), null before it. */
  first_response_hours: number | null;
  /** responseBucketOf(first_response_hours), null before the first response. */
  response_bucket: number | null;
}

const countsOf = (row: RequestCountRow | undefined): Counts =>
  row
    ? {
        [COUNTER.requestsTotal]: 1,
        [COUNTER.requestChannel(row.channel)]: 1,
        [COUNTER.requestsOpen]: row.status === 'OPEN' ? 1 : 0,
        [COUNTER.requestsResponded]: row.responded,
        [COUNTER.requestsDeclined]: row.declined,
        ...(row.response_bucket === null ? {} : { [COUNTER.responseBucket(row.response_bucket)]: 1 }),
      }
    : {};

const HOUR_MS = 3_600_000;

/** Request sources and responsiveness, moved per event from a one-row-per-request table. */
export const projectRequestCounts = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as RequestEvent;
  const id = event.data.requestId;
  // A request's first event: nothing is stored for it yet.
  const before = event.type === 'RequestRaised' ? undefined : await rows.get<RequestCountRow>('dashboard_requests', { request_id: id });
  let after: RequestCountRow;
  switch (event.type) {
    case 'RequestRaised': {
      const d = event.data;
      after = {
        request_id: id,
        project_id: d.projectId,
        channel: d.channel,
        status: 'OPEN',
        raised_at: d.at,
        responded: 0,
        declined: 0,
        first_response_hours: null,
        response_bucket: null,
      };
      rows.put('dashboard_requests', after);
      return shiftDashboardCounters(rows, after.project_id, {}, countsOf(after));
    }
    case 'RequestResponded': {
      if (!before) return;
      const d = event.data;
      const firstResponseHours = before.first_response_hours ?? (Date.parse(d.at) - Date.parse(before.raised_at)) / HOUR_MS;
      after = {
        ...before,
        status: before.status === 'OPEN' ? 'ANSWERED' : before.status,
        responded: 1,
        declined: d.stance === 'DECLINE' ? 1 : 0,
        first_response_hours: firstResponseHours,
        response_bucket: responseBucketOf(firstResponseHours),
      };
      break;
    }
    case 'RequestWithdrawn':
      if (!before) return;
      after = { ...before, status: 'WITHDRAWN' };
      break;
    case 'RequestResolved':
      if (!before) return;
      after = { ...before, status: 'RESOLVED' };
      break;
    default:
      return;
  }
  rows.put('dashboard_requests', after);
  if (before.response_bucket === null && after.response_bucket !== null) await countResponseTime(rows, after);
  await shiftDashboardCounters(rows, after.project_id, countsOf(before), countsOf(after));
};

/** One more first response of this many hours: the median walks these counts, not the requests. */
const countResponseTime = (rows: PageRows, row: RequestCountRow): Promise<void> =>
  rows.add(
    'dashboard_response_times',
    { project_id: row.project_id, bucket: row.response_bucket, hours: row.first_response_hours },
    'count',
    1,
  );
