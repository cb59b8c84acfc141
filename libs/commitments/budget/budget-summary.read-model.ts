import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';

export interface BudgetSummaryRow {
  project_id: string;
  budget_hours: number;
  baseline_id: string | null;
  baseline_name: string | null;
  /** Σ hours of active commitments that link no requirement of the latest baseline. */
  outside_requirements_hours: number;
}

export interface RequirementLoadRow {
  requirement_id: string;
  estimate_hours: number;
  /** Σ the shares of active commitments on this baseline requirement. */
  committed_hours: number;
}

export interface CommitmentDrawSourceRow {
  commitment_id: string;
  project_id: string;
  estimate_hours: number;
  /** JSON text: string[] */
  requirement_ids: string;
  active: number;
}

interface BudgetSummaryTables {
  budget_summaries: BudgetSummaryRow;
  budget_requirement_loads: RequirementLoadRow & { project_id: string };
  budget_commitments: CommitmentDrawSourceRow & { seq: number };
}

/** Reads of the budget-summary projection; other code asks these, never the tables. */
export const budgetSummaryReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<BudgetSummaryTables>;
  return {
    summary: (projectId: string): Promise<BudgetSummaryRow | undefined> =>
      db.selectFrom('budget_summaries').selectAll().where('project_id', '=', projectId).executeTakeFirst(),

    loads: (projectId: string): Promise<RequirementLoadRow[]> =>
      db.selectFrom('budget_requirement_loads').select(['requirement_id', 'estimate_hours', 'committed_hours'])
        .where('project_id', '=', projectId).orderBy('requirement_id').execute(),

    commitment: (commitmentId: string): Promise<CommitmentDrawSourceRow | undefined> =>
      db.selectFrom('budget_commitments').select(['commitment_id', 'project_id', 'estimate_hours', 'requirement_ids', 'active'])
        .where('commitment_id', '=', commitmentId).executeTakeFirst(),
  };
};
