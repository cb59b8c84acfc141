import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import { type ReportingEvent, isPerceptionGap, reportIdOf } from '@cf/reporting';
import type { WebhookNotice } from './webhook-notice.js';

/** What a contact was last told about a subject. */
interface Told {
  projectId: string;
  subjectType: string;
  title: string;
  toldStatus: string;
  toldPercentComplete: number | null;
}

/** How the subject really stands, at its latest assessment. */
interface Actual {
  actualStatus: string;
  actualPercentComplete: number | null;
}

interface PerceptionRow {
  subject_id: string;
  told_to_id: string;
  report_id: string;
  told: string;
  agrees: number | null;
  gap: number;
}

const record = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ReportingEvent;
  if (event.type === 'StatusReported') {
    const d = event.data;
    const told: Told = {
      projectId: d.projectId,
      subjectType: d.subjectType,
      title: d.title,
      toldStatus: d.toldStatus,
      toldPercentComplete: d.toldPercentComplete ?? null,
    };
    const row = {
      subject_id: d.subjectId,
      told_to_id: d.toldToId,
      report_id: reportIdOf(d, recorded.indexInStream),
      told: JSON.stringify(told),
      agrees: null,
    };
    await trx
      .insertInto('webhook_perception')
      .values({ ...row, gap: 0 })
      .onConflict((oc) => oc.columns(['subject_id', 'told_to_id']).doUpdateSet(row))
      .execute();
  } else if (event.type === 'StatusAssessed') {
    const d = event.data;
    const actual = JSON.stringify({
      actualStatus: d.actualStatus,
      actualPercentComplete: d.actualPercentComplete ?? null,
    } satisfies Actual);
    await trx
      .insertInto('webhook_assessments')
      .values({ subject_id: d.subjectId, actual })
      .onConflict((oc) => oc.column('subject_id').doUpdateSet({ actual }))
      .execute();
  } else {
    const d = event.data;
    await trx
      .updateTable('webhook_perception')
      .set({ agrees: d.agrees ? 1 : 0 })
      .where('report_id', '=', d.reportId)
      .execute();
  }
};

/**
 * Keeps, per subject and contact told, the latest report, acknowledgement and assessment, and
 * raises PERCEPTION_GAP_OPENED for each contact whose picture has just turned into a gap (by the
 * reporting context's own rule), never again while the gap stays open.
 */
export const perceptionNotices = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  await record(trx, recorded);
  const { subjectId } = ({ type: recorded.type, data: recorded.data } as ReportingEvent).data;
  // The subject's assessment comes with each row, in the same round trip; without rows there is nobody to tell.
  const rows = (await trx
    .selectFrom('webhook_perception as p')
    .leftJoin('webhook_assessments as a', 'a.subject_id', 'p.subject_id')
    .selectAll('p')
    .select('a.actual')
    .where('p.subject_id', '=', subjectId)
    .orderBy('p.told_to_id')
    .execute()) as (PerceptionRow & { actual: string | null })[];
  const assessed = rows[0]?.actual;
  const actual = assessed ? (JSON.parse(assessed) as Actual) : null;
  const notices: WebhookNotice[] = [];
  for (const row of rows) {
    const told = JSON.parse(row.told) as Told;
    const gap = isPerceptionGap(told as never, actual as never, row.agrees === null ? null : { agrees: row.agrees === 1 }) ? 1 : 0;
    if (gap === Number(row.gap)) continue;
    await trx
      .updateTable('webhook_perception')
      .set({ gap })
      .where('subject_id', '=', subjectId)
      .where('told_to_id', '=', row.told_to_id)
      .execute();
    if (gap === 0) continue;
    notices.push({
      event: 'PERCEPTION_GAP_OPENED',
      key: `PERCEPTION_GAP_OPENED:${row.told_to_id}`,
      projectId: told.projectId,
      subject: {
        type: told.subjectType,
        id: subjectId,
        title: told.title,
        toldToId: row.told_to_id,
        toldStatus: told.toldStatus,
        toldPercentComplete: told.toldPercentComplete,
        actualStatus: actual?.actualStatus ?? null,
        actualPercentComplete: actual?.actualPercentComplete ?? null,
        disputed: row.agrees === 0,
      },
    });
  }
  return notices;
};
