import type { StatusSubjectRow } from '../read-model/reporting.read-model.js';
import type { PerceptionGap } from './reporting.types.js';

/** Only rows with gap = 1 have both a report and an assessment, as a PerceptionGap needs. */
export const toPerceptionGap = (row: StatusSubjectRow): PerceptionGap => ({
  subjectId: row.subject_id,
  subjectType: row.subject_type,
  title: row.title,
  toldStatus: row.told_status!,
  toldPercentComplete: row.told_percent,
  toldAt: row.told_at,
  actualStatus: row.actual_status!,
  actualPercentComplete: row.actual_percent,
  assessedAt: row.assessed_at,
});
