import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { ActualStatus, StatusSubjectType, ToldStatus } from '../domain/reporting.events.js';

export interface StatusSubjectRow {
  subject_id: string;
  project_id: string;
  subject_type: StatusSubjectType;
  title: string;
  actual_status: ActualStatus | null;
  actual_percent: number | null;
  assessed_at: string | null;
  seq: number;
}

/** One report of what a contact was told, with their acknowledgement (agrees null until they give one). */
export interface StatusReportRow {
  report_id: string;
  subject_id: string;
  project_id: string;
  title: string;
  told_status: ToldStatus;
  told_percent: number | null;
  told_to_id: string;
  message: string;
  told_at: string | null;
  agrees: number | null;
  acknowledgement_note: string | null;
  acknowledged_at: string | null;
  seq: number;
}

/** A contact's latest report on a subject beside the subject's latest assessment. */
export interface PerceptionGapRow {
  subject_id: string;
  told_to_id: string;
  project_id: string;
  subject_type: StatusSubjectType;
  title: string;
  told_status: ToldStatus;
  told_percent: number | null;
  told_at: string | null;
  agrees: number | null;
  acknowledgement_note: string | null;
  acknowledged_at: string | null;
  actual_status: ActualStatus | null;
  actual_percent: number | null;
  assessed_at: string | null;
}

interface ReportingTables {
  status_subjects: StatusSubjectRow;
  status_reports: StatusReportRow;
  perception_gaps: { subject_id: string; told_to_id: string; project_id: string; report_id: string; gap: number; seq: number };
  perception_gap_counts: { project_id: string; gaps: number };
}

/** Reads of the reporting projection; every other context asks these, never the tables. */
export const reportingReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<ReportingTables>;
  return {
    subject: (id: string): Promise<StatusSubjectRow | undefined> =>
      db.selectFrom('status_subjects').selectAll().where('subject_id', '=', id).executeTakeFirst(),

    report: (id: string): Promise<StatusReportRow | undefined> =>
      db.selectFrom('status_reports').selectAll().where('report_id', '=', id).executeTakeFirst(),

    /** Every report of the project, oldest first; `toldToId` keeps those to one contact (the customer view). */
    reportsOf: (projectId: string, toldToId?: string): Promise<StatusReportRow[]> => {
      let query = db.selectFrom('status_reports').selectAll().where('project_id', '=', projectId);
      if (toldToId !== undefined) query = query.where('told_to_id', '=', toldToId);
      return query.orderBy('seq').execute();
    },

    /** The perception gaps of the project now: one per subject and contact told, oldest first. */
    gapsOf: (projectId: string): Promise<PerceptionGapRow[]> =>
      db
        .selectFrom('perception_gaps as g')
        .innerJoin('status_reports as r', 'r.report_id', 'g.report_id')
        .innerJoin('status_subjects as s', 's.subject_id', 'g.subject_id')
        .select([
          'g.subject_id',
          'g.told_to_id',
          'g.project_id',
          's.subject_type',
          's.title',
          'r.told_status',
          'r.told_percent',
          'r.told_at',
          'r.agrees',
          'r.acknowledgement_note',
          'r.acknowledged_at',
          's.actual_status',
          's.actual_percent',
          's.assessed_at',
        ])
        .where('g.project_id', '=', projectId)
        .where('g.gap', '=', 1)
        .orderBy('g.seq')
        .execute(),

    /** How many perception gaps the project has now (a summary row, not a count over subjects). */
    gapCountOf: async (projectId: string): Promise<number> =>
      Number(
        (await db.selectFrom('perception_gap_counts').select('gaps').where('project_id', '=', projectId).executeTakeFirst())?.gaps ?? 0,
      ),
  };
};
