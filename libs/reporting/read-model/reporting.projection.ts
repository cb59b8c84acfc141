import type { Projection, PageRows, RecordedEvent } from '@cf/event-store';
import { assessedState, realStateGivenBy } from '../domain/real-state.js';
import type { ReportingEvent } from '../domain/reporting.events.js';
import { reportIdOf } from '../domain/reporting.state.js';
import { forgetGapsOf, judgeGaps } from './perception-gaps.apply.js';
import { assess, followRename, putSubject, realStateOnRecord } from './status-subjects.apply.js';

/**
 * Per subject its latest internal assessment; every report to a contact, with that contact's
 * acknowledgement; per subject and contact told, whether their latest report is a perception gap.
 */
export const reportingProjection: Projection = {
  name: 'reporting',
  // 3: a subject's title follows renames of its requirement or request; 4: a requirement's keeps its key;
  // 5: a forgotten contact's gaps leave the list; 6: NOT_STARTED without a percentage is 0 % against what was told;
  // 7: a delivered commitment is DONE at 100 %; 8: what ended is DROPPED;
  // 9: an end is remembered of subjects nobody was told of yet (realStateOnRecord)
  version: 9,
  tables: ['status_subjects', 'status_reports', 'perception_gaps', 'perception_gap_counts'],
  migrate: async (db) => {
    await db.schema
      .createTable('status_subjects')
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('actual_status', 'text')
      .addColumn('actual_percent', 'integer')
      .addColumn('assessed_at', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('status_reports')
      .ifNotExists()
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
    await db.schema
      .createIndex('status_reports_by_project')
      .ifNotExists()
      .on('status_reports')
      .columns(['project_id', 'told_to_id', 'seq'])
      .execute();
    // One row per subject and contact told: their latest report, and whether it is a gap now.
    await db.schema
      .createTable('perception_gaps')
      .ifNotExists()
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
    await db.schema
      .createTable('perception_gap_counts')
      .ifNotExists()
      .addColumn('project_id', 'text', (c) => c.primaryKey())
      .addColumn('gaps', 'integer', (c) => c.notNull())
      .execute();
  },
  keys: {
    status_subjects: ['subject_id'],
    status_reports: ['report_id'],
    perception_gaps: ['subject_id', 'told_to_id'],
    perception_gap_counts: ['project_id'],
  },
  project: async (rows, recorded) => {
    if (recorded.type === 'ContactForgotten') return forgetGapsOf(rows, String(recorded.data.projectId), String(recorded.data.contactId));
    if (!recorded.stream.startsWith('status-')) {
      const real = realStateGivenBy(recorded);
      return real ? realStateOnRecord(rows, recorded, real) : followRename(rows, recorded);
    }
    await projectReportingEvent(rows, { type: recorded.type, data: recorded.data } as ReportingEvent, recorded);
  },
};

const projectReportingEvent = async (rows: PageRows, event: ReportingEvent, recorded: RecordedEvent): Promise<void> => {
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'StatusReported': {
      const d = event.data;
      const reportId = reportIdOf(d, recorded.indexInStream);
      await putSubject(rows, { subject_id: d.subjectId, project_id: d.projectId, subject_type: d.subjectType, title: d.title, seq });
      rows.put('status_reports', {
        report_id: reportId,
        subject_id: d.subjectId,
        project_id: d.projectId,
        title: d.title,
        told_status: d.toldStatus,
        told_percent: d.toldPercentComplete ?? null,
        told_to_id: d.toldToId,
        message: d.message,
        told_at: d.at ?? null,
        agrees: null,
        acknowledgement_note: null,
        acknowledged_at: null,
        seq,
      });
      // The newest report to a contact replaces their earlier one; reports to others stay as they are.
      const key = { subject_id: d.subjectId, told_to_id: d.toldToId };
      const earlier = await rows.get('perception_gaps', key);
      rows.put(
        'perception_gaps',
        earlier ? { ...earlier, report_id: reportId } : { ...key, project_id: d.projectId, report_id: reportId, gap: 0, seq },
      );
      return judgeGaps(rows, d.subjectId, d.toldToId);
    }
    case 'StatusAssessed': {
      const d = event.data;
      const subject = await putSubject(rows, {
        subject_id: d.subjectId,
        project_id: d.projectId,
        subject_type: d.subjectType,
        title: d.title,
        seq,
      });
      return assess(rows, subject, assessedState(d));
    }
    case 'StatusAcknowledged': {
      const d = event.data;
      const report = await rows.get('status_reports', { report_id: d.reportId });
      if (report)
        rows.put('status_reports', { ...report, agrees: d.agrees ? 1 : 0, acknowledgement_note: d.note ?? null, acknowledged_at: d.at });
      return judgeGaps(rows, d.subjectId, d.contactId);
    }
  }
};
