import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import { viewOf } from '../domain/budget.js';
import type { BudgetView } from '../domain/budget.types.js';
import { ACTIVE_COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/commitments.events.js';
import { readBudgetPicture } from './budget-picture.js';
import type { CommitmentRow } from './commitment-row.js';
import { type SuspectLinkRow, suspectLinksReadModel } from './suspect-links.read-model.js';

export type { CommitmentRow } from './commitment-row.js';

export interface CommitmentRowFilter {
  outsideBudget?: boolean | null;
  outsideRequirements?: boolean | null;
  madeWithoutAuthority?: boolean | null;
  currentlyOutsideBudget?: boolean | null;
  currentlyOutsideRequirements?: boolean | null;
  suspect?: boolean | null;
  status?: CommitmentStatus | null;
  /** Neither withdrawn nor rejected: what the dashboard's figures count. */
  active?: boolean | null;
  /** Customers see only the commitments made to their own contact. */
  madeToId?: string | null;
}

export interface CoverRow {
  commitment_id: string;
  seq: number;
  reason: string;
  budget_hours: number;
  countersigned_by_id: string;
  ended_at: string | null;
  ended_in_revision: number | null;
}

interface CommitmentsTables {
  commitments: CommitmentRow;
  commitment_requests: { commitment_id: string; request_id: string; seq: number };
  commitment_requirements: { commitment_id: string; requirement_id: string; seq: number };
  commitment_covers: CoverRow;
  commitment_request_authority: {
    request_id: string;
    requested_by_id: string;
    requester_name: string;
    relayer_name: string;
    asked_with_authority: number;
  };
  commitment_counters: { project_id: string; counter: string; value: number };
}

type Db = Kysely<CommitmentsTables>;

const filtered = <O>(query: SelectQueryBuilder<CommitmentsTables, 'commitments', O>, projectId: string, f: CommitmentRowFilter) => {
  let q = query.where('project_id', '=', projectId);
  if (f.outsideBudget != null) q = q.where('outside_budget', '=', f.outsideBudget ? 1 : 0);
  if (f.outsideRequirements != null) q = q.where('outside_requirements', '=', f.outsideRequirements ? 1 : 0);
  if (f.madeWithoutAuthority != null) q = q.where('made_without_authority', '=', f.madeWithoutAuthority ? 1 : 0);
  if (f.currentlyOutsideBudget != null) q = q.where('current_outside_budget', '=', f.currentlyOutsideBudget ? 1 : 0);
  if (f.currentlyOutsideRequirements != null) q = q.where('current_outside_requirements', '=', f.currentlyOutsideRequirements ? 1 : 0);
  if (f.suspect != null) q = q.where('suspect', '=', f.suspect ? 1 : 0);
  if (f.status != null) q = q.where('status', '=', f.status);
  if (f.active != null) q = q.where('status', f.active ? 'in' : 'not in', ACTIVE_COMMITMENT_STATUSES);
  if (f.madeToId != null) q = q.where('made_to_id', '=', f.madeToId);
  return q;
};

/** Reads of the commitments projection; other contexts ask these, never the tables. */
export const commitmentsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Db;
  return {
    commitment: (id: string): Promise<CommitmentRow | undefined> =>
      db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst(),

    page: (projectId: string, filter: CommitmentRowFilter, afterSeq: number, limit: number): Promise<CommitmentRow[]> =>
      filtered(db.selectFrom('commitments').selectAll(), projectId, filter)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),

    count: async (projectId: string, filter: CommitmentRowFilter): Promise<number> => {
      const row = await filtered(
        db.selectFrom('commitments').select((eb) => eb.fn.countAll().as('n')),
        projectId,
        filter,
      ).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    ofRequest: (requestId: string): Promise<CommitmentRow[]> =>
      db
        .selectFrom('commitments')
        .innerJoin('commitment_requests as cr', 'cr.commitment_id', 'commitments.id')
        .selectAll('commitments')
        .where('cr.request_id', '=', requestId)
        .orderBy('commitments.seq')
        .execute(),

    requestIdsOf: async (commitmentId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('commitment_requests')
          .select('request_id')
          .where('commitment_id', '=', commitmentId)
          .orderBy('request_id')
          .execute()
      ).map((r) => r.request_id),

    /** null when the request is not known to the commitments' tables yet. */
    requestAskedWithAuthority: async (requestId: string): Promise<boolean | null> => {
      const row = await db
        .selectFrom('commitment_request_authority')
        .select('asked_with_authority')
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      return row ? row.asked_with_authority === 1 : null;
    },

    suspectLinksOf: (commitmentId: string): Promise<SuspectLinkRow[]> => suspectLinksReadModel(untyped).suspectLinksOf(commitmentId),

    /** The change orders paying for it today, or (`ended`) those that paid until a revision ended their cover. */
    coversOf: (commitmentId: string, { ended }: { ended: boolean }): Promise<CoverRow[]> =>
      db
        .selectFrom('commitment_covers')
        .selectAll()
        .where('commitment_id', '=', commitmentId)
        .where('ended_at', ended ? 'is not' : 'is', null)
        .orderBy('seq')
        .execute(),

    counters: async (projectId: string): Promise<Map<string, number>> =>
      new Map(
        (await db.selectFrom('commitment_counters').select(['counter', 'value']).where('project_id', '=', projectId).execute()).map((r) => [
          r.counter,
          r.value,
        ]),
      ),
  };
};

/** The project budget view (DESIGN section 4): what Project.budget and the dashboard both show. */
export const projectBudgetOf = async (db: ReadModelDb, projectId: string): Promise<BudgetView | null> => {
  const picture = await readBudgetPicture(db, projectId);
  return picture ? viewOf(picture.budgetHours, picture.baseline, picture.totals) : null;
};
