import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { ReportingEvent } from '../domain/reporting.events.js';
import { isPerceptionGap } from '../domain/reporting.perception.js';
import type { StatusSubjectRow } from './reporting.read-model.js';

/** Per subject: the latest report to the customer beside the latest internal assessment. */
export const reportingProjection: Projection = {
  name: 'reporting',
  tables: ['status_subjects', 'perception_gap_counts'],
  migrate: async (db) => {
    await db.schema.createTable('status_subjects').ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('told_status', 'text')
      .addColumn('told_percent', 'integer')
      .addColumn('told_at', 'text')
      .addColumn('told_to_id', 'text')
      .addColumn('actual_status', 'text')
      .addColumn('actual_percent', 'integer')
      .addColumn('assessed_at', 'text')
      .addColumn('gap', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('status_subjects_by_project').ifNotExists().on('status_subjects').columns(['project_id', 'gap']).execute();
    // The dashboard's gap count as a summary row, moved with each subject's gap.
    await db.schema.createTable('perception_gap_counts').ifNotExists()
      .addColumn('project_id', 'text', (c) => c.primaryKey())
      .addColumn('gaps', 'integer', (c) => c.notNull())
      .execute();
  },
  apply: async (trx, recorded) => {
    if (!recorded.stream.startsWith('status-')) return;
    await applyReportingEvent(trx, { type: recorded.type, data: recorded.data } as ReportingEvent, recorded);
  },
};

const applyReportingEvent = async (trx: ReadModelTransaction, event: ReportingEvent, recorded: RecordedEvent): Promise<void> => {
  const d = event.data;
  const existing = (await trx.selectFrom('status_subjects').selectAll().where('subject_id', '=', d.subjectId)
    .executeTakeFirst()) as StatusSubjectRow | undefined;
  const before: StatusSubjectRow = existing ?? {
    subject_id: d.subjectId, project_id: d.projectId, subject_type: d.subjectType, title: d.title,
    told_status: null, told_percent: null, told_at: null, told_to_id: null,
    actual_status: null, actual_percent: null, assessed_at: null, gap: 0, seq: 0,
  };
  const changed: StatusSubjectRow = { ...before, title: d.title, seq: Number(recorded.position) };
  switch (event.type) {
    case 'StatusReported':
      Object.assign(changed, {
        told_status: event.data.toldStatus, told_percent: event.data.toldPercentComplete ?? null, told_at: event.data.at, told_to_id: event.data.toldToId,
      });
      break;
    case 'StatusAssessed':
      Object.assign(changed, {
        actual_status: event.data.actualStatus, actual_percent: event.data.actualPercentComplete ?? null, assessed_at: event.data.at,
      });
      break;
    default:
      return;
  }
  // The gap is judged once here, from the latest report and assessment, so every reader agrees.
  const report = changed.told_status ? { toldStatus: changed.told_status, toldPercentComplete: changed.told_percent } : null;
  const assessment = changed.actual_status ? { actualStatus: changed.actual_status, actualPercentComplete: changed.actual_percent } : null;
  changed.gap = isPerceptionGap(report, assessment) ? 1 : 0;
  if (changed.gap !== before.gap) {
    await trx.insertInto('perception_gap_counts').values({ project_id: changed.project_id, gaps: changed.gap - before.gap })
      .onConflict((oc) => oc.column('project_id').doUpdateSet((eb) => ({ gaps: eb('perception_gap_counts.gaps', '+', eb.ref('excluded.gaps')) })))
      .execute();
  }
  if (existing) {
    const { subject_id: _id, ...columns } = changed;
    await trx.updateTable('status_subjects').set(columns).where('subject_id', '=', d.subjectId).execute();
  } else {
    await trx.insertInto('status_subjects').values(changed).execute();
  }
};
