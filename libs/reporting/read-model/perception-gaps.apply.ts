import type { PageRows } from '@cf/event-store';
import { isPerceptionGap } from '../domain/reporting.perception.js';
import type { PerceptionGapRow } from './reporting.read-model.js';

type GapRow = Pick<PerceptionGapRow, 'subject_id' | 'told_to_id' | 'project_id'> & { report_id: string; gap: number };
type ReportRow = Pick<PerceptionGapRow, 'told_status' | 'told_percent' | 'agrees'>;
type SubjectRow = Pick<PerceptionGapRow, 'actual_status' | 'actual_percent'>;

/**
 * Judges the gap of a subject's rows (every contact told, or the one given) from each contact's
 * latest report, its acknowledgement and the latest assessment — once here, so every reader
 * agrees — and moves the project's gap count by what changed.
 */
export const judgeGaps = async (rows: PageRows, subjectId: string, toldToId?: string): Promise<void> => {
  const gaps =
    toldToId === undefined
      ? await rows.find<GapRow>('perception_gaps', { subject_id: subjectId })
      : [await rows.get<GapRow>('perception_gaps', { subject_id: subjectId, told_to_id: toldToId })].filter((row) => row !== undefined);
  const subject = await rows.get<SubjectRow>('status_subjects', { subject_id: subjectId });
  if (!subject) return;
  for (const row of gaps) {
    const report = await rows.get<ReportRow>('status_reports', { report_id: row.report_id });
    if (!report) continue;
    const told = { toldStatus: report.told_status, toldPercentComplete: report.told_percent };
    const assessment = subject.actual_status
      ? { actualStatus: subject.actual_status, actualPercentComplete: subject.actual_percent }
      : null;
    const gap = isPerceptionGap(told, assessment, report.agrees === null ? null : { agrees: report.agrees === 1 }) ? 1 : 0;
    if (gap === row.gap) continue;
    rows.put('perception_gaps', { ...row, gap });
    await rows.add('perception_gap_counts', { project_id: row.project_id }, 'gaps', gap - row.gap);
  }
};

/**
 * A forgotten contact can be told nothing more (a report to them is refused), so a gap with them
 * is no longer anything to act on: their rows leave the list and the count. Their reports stay,
 * as history does.
 */
export const forgetGapsOf = async (rows: PageRows, projectId: string, contactId: string): Promise<void> => {
  const gaps = await rows.find<GapRow>('perception_gaps', { project_id: projectId, told_to_id: contactId });
  for (const row of gaps) {
    rows.delete('perception_gaps', { subject_id: row.subject_id, told_to_id: row.told_to_id });
    if (row.gap !== 0) await rows.add('perception_gap_counts', { project_id: projectId }, 'gaps', -row.gap);
  }
};
