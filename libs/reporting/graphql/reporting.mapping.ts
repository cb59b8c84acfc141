import type { PerceptionGapRow, StatusReportRow } from '../read-model/reporting.read-model.js';
import type { PerceptionGap, StatusAcknowledgement, StatusReport } from './reporting.types.js';

type AcknowledgementColumns = Pick<StatusReportRow, 'agrees' | 'acknowledgement_note' | 'acknowledged_at'>;

/** What the contact told answered to a report, from its row (null before they answer). */
const acknowledgementOf = (row: AcknowledgementColumns): StatusAcknowledgement | null =>
  row.agrees === null || row.acknowledged_at === null
    ? null
    : { agrees: row.agrees === 1, note: row.acknowledgement_note, at: row.acknowledged_at };

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
  acknowledgement: acknowledgementOf(row),
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
  acknowledgement: acknowledgementOf(row),
  toldToId: row.told_to_id,
  projectId: row.project_id,
});
