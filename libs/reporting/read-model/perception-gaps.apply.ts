import type { ReadModelTransaction } from '@cf/event-store';
import { isPerceptionGap } from '../domain/reporting.perception.js';
import type { PerceptionGapRow } from './reporting.read-model.js';

/**
 * Judges the gap of a subject's rows (every contact told, or the one given) from each contact's
 * latest report, its acknowledgement and the latest assessment — once here, so every reader
 * agrees — and moves the project's gap count by what changed.
 */
export const judgeGaps = async (trx: ReadModelTransaction, subjectId: string, toldToId?: string): Promise<void> => {
  let query = trx.selectFrom('perception_gaps as g')
    .innerJoin('status_reports as r', 'r.report_id', 'g.report_id')
    .innerJoin('status_subjects as s', 's.subject_id', 'g.subject_id')
    .select(['g.subject_id', 'g.told_to_id', 'g.project_id', 'g.gap', 'r.told_status', 'r.told_percent', 'r.agrees', 's.actual_status', 's.actual_percent'])
    .where('g.subject_id', '=', subjectId);
  if (toldToId !== undefined) query = query.where('g.told_to_id', '=', toldToId);
  const rows = await query.execute() as (PerceptionGapRow & { gap: number })[];
  for (const row of rows) {
    const report = { toldStatus: row.told_status, toldPercentComplete: row.told_percent };
    const assessment = row.actual_status ? { actualStatus: row.actual_status, actualPercentComplete: row.actual_percent } : null;
    const gap = isPerceptionGap(report, assessment, row.agrees === null ? null : { agrees: row.agrees === 1 }) ? 1 : 0;
    if (gap === row.gap) continue;
    await trx.updateTable('perception_gaps').set({ gap }).where('subject_id', '=', row.subject_id).where('told_to_id', '=', row.told_to_id).execute();
    await trx.insertInto('perception_gap_counts').values({ project_id: row.project_id, gaps: gap - row.gap })
      .onConflict((oc) => oc.column('project_id').doUpdateSet((eb) => ({ gaps: eb('perception_gap_counts.gaps', '+', eb.ref('excluded.gaps')) })))
      .execute();
  }
};
