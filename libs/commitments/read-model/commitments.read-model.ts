import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import { viewOf } from '../domain/budget.js';
import type { BudgetView } from '../domain/budget.types.js';
import { readBudgetPicture } from './budget-picture.js';
import type { CommitmentRow } from './commitment-row.js';
import { type CommitmentRowFilter, filtered } from './commitment-filter.js';
import { type SuspectLinkRow, suspectLinksReadModel } from './suspect-links.read-model.js';

export type { CommitmentRow } from './commitment-row.js';
export type { CommitmentRowFilter } from './commitment-filter.js';

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
