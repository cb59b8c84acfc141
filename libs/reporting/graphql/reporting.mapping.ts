import type { PerceptionGapRow, StatusReportRow } from '../read-model/reporting.read-model.js';
import type { PerceptionGap, StatusReport } from './reporting.types.js';

export const toPerceptionGap = (row: PerceptionGapRow): PerceptionGap => ({
  subjectId: row.subject_id,
  subjectType: row.subject_type,
  title: row.title,
  toldStatus: row.told_status,
  toldPercentComplete: row.told_percent,
  toldAt: row.told_at,
  actualStatus: row.actual_status,
  actualPercentComplete: row.actual_percent,
  assessedAt: row.assessed_at,
  disputed: row.agrees === 0,
  toldToId: row.told_to_id,
});

/** projectId (no field) tells the customer view whose report it is. */
export const toStatusReport = (row: StatusReportRow): StatusReport => ({
  id: row.report_id,
  subjectId: row.subject_id,
  title: row.title,
  toldStatus: row.told_status,
  toldPercentComplete: row.told_percent,
  toldAt: row.told_at,
  message: row.message,
  acknowledgement:
    row.agrees === null || row.acknowledged_at === null
      ? null
      : { agrees: row.agrees === 1, note: row.acknowledgement_note, at: row.acknowledged_at },
  toldToId: row.told_to_id,
  projectId: row.project_id,
});
