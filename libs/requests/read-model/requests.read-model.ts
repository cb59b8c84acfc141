import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { RequestChannel, RequestKind, RequestPriority, ResponseStance } from '../domain/requests.events.js';
import type { RequestStatus } from '../domain/requests.state.js';

export interface RequestRow {
  id: string;
  project_id: string;
  title: string;
  description: string;
  kind: RequestKind;
  channel: RequestChannel;
  status: RequestStatus;
  revision: number;
  requested_by_id: string;
  relayed_by_id: string | null;
  session_id: string | null;
  raised_at: string;
  first_response_at: string | null;
  stated_priority: RequestPriority | null;
  confirmed_priority: RequestPriority | null;
  /** When it counted as asked by its requester first-hand (raised DIRECT or WRITTEN, or confirmed); null until then. */
  first_hand_at: string | null;
  seq: number;
}

export interface RequestResponseRow {
  request_id: string;
  seq: number;
  stance: ResponseStance;
  message: string;
  estimate_hours: number | null;
  at: string;
  responded_by_id: string;
  responded_by_name: string;
}

/** Any of these narrows a list of requests; left out, it does not. */
export interface RequestRowFilter {
  status?: RequestStatus | null;
  channel?: RequestChannel | null;
  kind?: RequestKind | null;
}

interface RequestsTables {
  requests: RequestRow;
  request_responses: RequestResponseRow;
  request_requirements: { request_id: string; requirement_id: string };
}

type RequestsQuery<Out> = SelectQueryBuilder<RequestsTables, 'requests', Out>;

/** The project's requests narrowed by the filter and, for a customer, to the ones they asked for. */
const narrowed = <Out>(
  query: RequestsQuery<Out>,
  projectId: string,
  filter: RequestRowFilter,
  requestedById?: string,
): RequestsQuery<Out> => {
  let q = query.where('project_id', '=', projectId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (requestedById !== undefined) q = q.where('requested_by_id', '=', requestedById);
  return q;
};

/** Reads of the requests projection; every other context asks these, never the tables. */
export const requestsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<RequestsTables>;
  return {
    request: (id: string): Promise<RequestRow | undefined> => db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst(),

    requirementIdsOf: async (requestId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('request_requirements')
          .select('requirement_id')
          .where('request_id', '=', requestId)
          .orderBy('requirement_id')
          .execute()
      ).map((r) => r.requirement_id),

    responsesOf: (requestId: string): Promise<RequestResponseRow[]> =>
      db.selectFrom('request_responses').selectAll().where('request_id', '=', requestId).orderBy('seq').execute(),

    /** Oldest first; `requestedById` limits the page to one contact's requests (the customer view). */
    page: (projectId: string, filter: RequestRowFilter, afterSeq: number, limit: number, requestedById?: string): Promise<RequestRow[]> =>
      narrowed(db.selectFrom('requests').selectAll(), projectId, filter, requestedById)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),

    count: async (projectId: string, filter: RequestRowFilter, requestedById?: string): Promise<number> => {
      const row = await narrowed(
        db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')),
        projectId,
        filter,
        requestedById,
      ).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
};
