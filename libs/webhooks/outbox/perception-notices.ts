import type { PageRows, RecordedEvent } from '@cf/event-store';
import { type RealState, type ReportingEvent, endedForGood, isPerceptionGap, realStateGivenBy, reportIdOf } from '@cf/reporting';
import type { WebhookNotice } from './webhook-notice.js';

/** What a contact was last told about a subject. */
interface Told {
  projectId: string;
  subjectType: string;
  title: string;
  toldStatus: string;
  toldPercentComplete: number | null;
}

/** How the subject really stands, at its latest assessment, its delivery or its end. */
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

/** An assessment's, a delivery's or an end's real state (realStateGivenBy), a report, or an acknowledgement. */
const record = async (rows: PageRows, recorded: RecordedEvent, real: RealState | undefined): Promise<void> => {
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
    // The subject's rows are read whole, not this one alone: the notices read them next.
    const perceptions = await rows.find<PerceptionRow>('webhook_perception', { subject_id: d.subjectId });
    const before = perceptions.find((row) => row.told_to_id === d.toldToId);
    rows.put('webhook_perception', {
      subject_id: d.subjectId,
      told_to_id: d.toldToId,
      report_id: reportIdOf(d, recorded.indexInStream),
      told: JSON.stringify(told),
      agrees: null,
      gap: before?.gap ?? 0,
    });
  } else if (real) {
    const stored = await rows.get<{ actual: string }>('webhook_assessments', { subject_id: real.subjectId });
    if (stored && endedForGood((JSON.parse(stored.actual) as Actual).actualStatus)) return;
    const actual = JSON.stringify({ actualStatus: real.actualStatus, actualPercentComplete: real.actualPercentComplete } satisfies Actual);
    rows.put('webhook_assessments', { subject_id: real.subjectId, actual });
  } else if (event.type === 'StatusAcknowledged') {
    const d = event.data;
    for (const row of await rows.find<PerceptionRow>('webhook_perception', { report_id: d.reportId }))
      rows.put('webhook_perception', { ...row, agrees: d.agrees ? 1 : 0 });
  }
};

/**
 * Keeps, per subject and contact told, the latest report, acknowledgement and assessment, and
 * raises PERCEPTION_GAP_OPENED for each contact whose picture has just turned into a gap (by the
 * reporting context's own rule), never again while the gap stays open.
 */
export const perceptionNotices = async (rows: PageRows, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  const real = realStateGivenBy(recorded);
  await record(rows, recorded, real);
  const subjectId = real?.subjectId ?? ({ type: recorded.type, data: recorded.data } as ReportingEvent).data.subjectId;
  const perceptions = await rows.find<PerceptionRow>('webhook_perception', { subject_id: subjectId });
  if (perceptions.length === 0) return []; // nobody to tell
  perceptions.sort((a, b) => (a.told_to_id < b.told_to_id ? -1 : 1));
  const assessed = await rows.get<{ actual: string }>('webhook_assessments', { subject_id: subjectId });
  const actual = assessed ? (JSON.parse(assessed.actual) as Actual) : null;
  const notices: WebhookNotice[] = [];
  for (const row of perceptions) {
    const told = JSON.parse(row.told) as Told;
    const gap = isPerceptionGap(told as never, actual as never, row.agrees === null ? null : { agrees: row.agrees === 1 }) ? 1 : 0;
    if (gap === Number(row.gap)) continue;
    rows.put('webhook_perception', { ...row, gap });
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

/**
 * A forgotten contact can be told nothing more, so their gaps leave the reporting context's list
 * (forgetGapsOf there): their rows go here too, or an assessment would still announce a gap with
 * them that the list does not show.
 */
export const forgetPerceptionsOf = async (rows: PageRows, contactId: string): Promise<void> => {
  for (const row of await rows.find<PerceptionRow>('webhook_perception', { told_to_id: contactId }))
    rows.delete('webhook_perception', { subject_id: row.subject_id, told_to_id: row.told_to_id });
};
