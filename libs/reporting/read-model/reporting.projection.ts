import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { ReportingEvent } from '../domain/reporting.events.js';
import { reportIdOf } from '../domain/reporting.state.js';
import { judgeGaps } from './perception-gaps.apply.js';

/**
 * Per subject its latest internal assessment; every report to a contact, with that contact's
 * acknowledgement; per subject and contact told, whether their latest report is a perception gap.
 */
export const reportingProjection: Projection = {
  name: 'reporting',
  version: 2,
  tables: ['status_subjects', 'status_reports', 'perception_gaps', 'perception_gap_counts'],
  migrate: async (db) => {
    await db.schema.createTable('status_subjects').ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('actual_status', 'text')
      .addColumn('actual_percent', 'integer')
      .addColumn('assessed_at', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createTable('status_reports').ifNotExists()
      .addColumn('report_id', 'text', (c) => c.primaryKey())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('told_status', 'text', (c) => c.notNull())
      .addColumn('told_percent', 'integer')
      .addColumn('told_to_id', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('told_at', 'text')
      .addColumn('agrees', 'integer')
      .addColumn('acknowledgement_note', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('status_reports_by_project').ifNotExists().on('status_reports').columns(['project_id', 'told_to_id', 'seq']).execute();
    // One row per subject and contact told: their latest report, and whether it is a gap now.
    await db.schema.createTable('perception_gaps').ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('told_to_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('gap', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('perception_gaps_pk', ['subject_id', 'told_to_id'])
      .execute();
    await db.schema.createIndex('perception_gaps_by_project').ifNotExists().on('perception_gaps').columns(['project_id', 'gap']).execute();
    // The dashboard's gap count as a summary row, moved with each gap.
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
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'StatusReported': {
      const d = event.data;
      const reportId = reportIdOf(d, recorded.revision);
      await upsertSubject(trx, { subject_id: d.subjectId, project_id: d.projectId, subject_type: d.subjectType, title: d.title, seq });
      await trx.insertInto('status_reports').values({
        report_id: reportId, subject_id: d.subjectId, project_id: d.projectId, title: d.title, told_status: d.toldStatus,
        told_percent: d.toldPercentComplete ?? null, told_to_id: d.toldToId, message: d.message, told_at: d.at ?? null,
        agrees: null, acknowledgement_note: null, acknowledged_at: null, seq,
      }).execute();
      // The newest report to a contact replaces their earlier one; reports to others stay as they are.
      await trx.insertInto('perception_gaps').values({ subject_id: d.subjectId, told_to_id: d.toldToId, project_id: d.projectId, report_id: reportId, gap: 0, seq })
        .onConflict((oc) => oc.columns(['subject_id', 'told_to_id']).doUpdateSet({ report_id: reportId })).execute();
      return judgeGaps(trx, d.subjectId, d.toldToId);
    }
    case 'StatusAssessed': {
      const d = event.data;
      await upsertSubject(trx, { subject_id: d.subjectId, project_id: d.projectId, subject_type: d.subjectType, title: d.title, seq });
      await trx.updateTable('status_subjects').set({ actual_status: d.actualStatus, actual_percent: d.actualPercentComplete ?? null, assessed_at: d.at ?? null })
        .where('subject_id', '=', d.subjectId).execute();
      return judgeGaps(trx, d.subjectId);
    }
    case 'StatusAcknowledged': {
      const d = event.data;
      await trx.updateTable('status_reports').set({ agrees: d.agrees ? 1 : 0, acknowledgement_note: d.note ?? null, acknowledged_at: d.at })
        .where('report_id', '=', d.reportId).execute();
      return judgeGaps(trx, d.subjectId, d.contactId);
    }
  }
};

/** The subject as its latest event names it; `seq` stays where it was first seen. */
const upsertSubject = async (trx: ReadModelTransaction, subject: { subject_id: string; project_id: string; subject_type: string; title: string; seq: number }): Promise<void> => {
  await trx.insertInto('status_subjects').values({ ...subject, actual_status: null, actual_percent: null, assessed_at: null })
    .onConflict((oc) => oc.column('subject_id').doUpdateSet({ title: subject.title })).execute();
};
