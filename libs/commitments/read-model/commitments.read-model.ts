import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { CommitmentStatus } from '../domain/commitments.events.js';

export interface CommitmentRow {
  id: string;
  project_id: string;
  summary: string;
  status: CommitmentStatus;
  estimate_hours: number;
  due_date: string | null;
  outside_requirements: number;
  outside_budget: number;
  exceeds_budget_by_hours: number;
  made_without_authority: number;
  requested_without_authority: number;
  /** JSON text: string[] */
  reasons: string;
  /** JSON text: BudgetAtDecision */
  budget_at_decision: string;
  made_by_id: string;
  made_by_name: string;
  made_to_id: string;
  made_at: string;
  revision: number;
  seq: number;
}

export interface CommitmentRowFilter {
  outsideBudget?: boolean | null;
  outsideRequirements?: boolean | null;
  madeWithoutAuthority?: boolean | null;
  status?: CommitmentStatus | null;
  /** Customers see only the commitments made to their own contact. */
  madeToId?: string | null;
}

/** An active commitment as the budget arithmetic needs it. */
export interface ActiveCommitmentRow {
  id: string;
  estimate_hours: number;
  requirement_ids: string[];
}

interface CommitmentsTables {
  commitments: CommitmentRow;
  commitment_requests: { commitment_id: string; request_id: string };
  commitment_requirements: { commitment_id: string; requirement_id: string };
}

type Db = Kysely<CommitmentsTables>;

const filtered = <O>(query: SelectQueryBuilder<CommitmentsTables, 'commitments', O>, projectId: string, f: CommitmentRowFilter) => {
  let q = query.where('project_id', '=', projectId);
  if (f.outsideBudget != null) q = q.where('outside_budget', '=', f.outsideBudget ? 1 : 0);
  if (f.outsideRequirements != null) q = q.where('outside_requirements', '=', f.outsideRequirements ? 1 : 0);
  if (f.madeWithoutAuthority != null) q = q.where('made_without_authority', '=', f.madeWithoutAuthority ? 1 : 0);
  if (f.status != null) q = q.where('status', '=', f.status);
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
        .where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute(),

    count: async (projectId: string, filter: CommitmentRowFilter): Promise<number> => {
      const row = await filtered(db.selectFrom('commitments').select((eb) => eb.fn.countAll().as('n')), projectId, filter)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    ofRequest: (requestId: string): Promise<CommitmentRow[]> =>
      db.selectFrom('commitments').innerJoin('commitment_requests as cr', 'cr.commitment_id', 'commitments.id')
        .selectAll('commitments').where('cr.request_id', '=', requestId).orderBy('commitments.seq').execute(),

    requestIdsOf: async (commitmentId: string): Promise<string[]> =>
      (await db.selectFrom('commitment_requests').select('request_id').where('commitment_id', '=', commitmentId)
        .orderBy('request_id').execute()).map((r) => r.request_id),

    /** Not REJECTED nor WITHDRAWN: every promise still made counts in the budget. */
    activeOf: async (projectId: string): Promise<ActiveCommitmentRow[]> => {
      const rows = await db.selectFrom('commitments').select(['id', 'estimate_hours'])
        .where('project_id', '=', projectId).where('status', 'not in', ['REJECTED', 'WITHDRAWN']).orderBy('seq').execute();
      if (rows.length === 0) return [];
      const links = await db.selectFrom('commitment_requirements').select(['commitment_id', 'requirement_id'])
        .where('commitment_id', 'in', rows.map((r) => r.id)).execute();
      return rows.map((r) => ({
        id: r.id,
        estimate_hours: r.estimate_hours,
        requirement_ids: links.filter((l) => l.commitment_id === r.id).map((l) => l.requirement_id),
      }));
    },
  };
};
