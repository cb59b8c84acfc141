import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { ActualStatus, StatusSubjectType, ToldStatus } from '../domain/reporting.events.js';

export interface StatusSubjectRow {
  subject_id: string;
  project_id: string;
  subject_type: StatusSubjectType;
  title: string;
  told_status: ToldStatus | null;
  told_percent: number | null;
  told_at: string | null;
  told_to_id: string | null;
  actual_status: ActualStatus | null;
  actual_percent: number | null;
  assessed_at: string | null;
  /** 1 when the latest assessment contradicts the latest report (isPerceptionGap). */
  gap: number;
  seq: number;
}

interface ReportingTables {
  status_subjects: StatusSubjectRow;
  perception_gap_counts: { project_id: string; gaps: number };
}

/** Reads of the reporting projection; every other context asks these, never the table. */
export const reportingReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<ReportingTables>;
  return {
    subject: (id: string): Promise<StatusSubjectRow | undefined> =>
      db.selectFrom('status_subjects').selectAll().where('subject_id', '=', id).executeTakeFirst(),

    gapsOf: (projectId: string): Promise<StatusSubjectRow[]> =>
      db.selectFrom('status_subjects').selectAll().where('project_id', '=', projectId).where('gap', '=', 1).orderBy('seq').execute(),

    /** How many subjects of the project have a perception gap now (a summary row, not a count over subjects). */
    gapCountOf: async (projectId: string): Promise<number> =>
      Number((await db.selectFrom('perception_gap_counts').select('gaps').where('project_id', '=', projectId).executeTakeFirst())?.gaps ?? 0),
  };
};
