import type { PageRows, RecordedEvent, Row } from '@cf/event-store';
import { renamedRequirementTitle } from '../domain/subject-title.js';
import { type RealState, endedForGood } from '../domain/real-state.js';
import { judgeGaps } from './perception-gaps.apply.js';

type Rename = { subjectId: string; title: (subjectTitle: string) => string };

/** The new title an event of another context gives a subject of status reports, if it gives one. */
const renamed = (event: Pick<RecordedEvent, 'type' | 'data'>): Rename | undefined => {
  if (event.type === 'RequirementRevised') {
    return { subjectId: String(event.data.requirementId), title: (was) => renamedRequirementTitle(was, String(event.data.title)) };
  }
  if (event.type !== 'RequestRevised') return undefined;
  const changes = (event.data.changes ?? []) as { field: string; to: unknown }[];
  const title = changes.find((change) => change.field === 'title')?.to;
  return typeof title === 'string' ? { subjectId: String(event.data.requestId), title: () => title } : undefined;
};

/**
 * A subject's title follows its renames, so a perception gap reads under the name the team uses
 * now; each report keeps the title it was made under.
 */
export const followRename = async (rows: PageRows, event: Pick<RecordedEvent, 'type' | 'data'>): Promise<void> => {
  const rename = renamed(event);
  if (!rename) return;
  const subject = await rows.get('status_subjects', { subject_id: rename.subjectId });
  const title = subject && rename.title(String(subject.title));
  if (subject && subject.title !== title) rows.put('status_subjects', { ...subject, title });
};

/** The subject as its latest event names it; `seq` stays where it was first seen. */
export const putSubject = async (
  rows: PageRows,
  subject: { subject_id: string; project_id: string; subject_type: string; title: string; seq: number },
): Promise<Row> => {
  const known = await rows.get('status_subjects', { subject_id: subject.subject_id });
  const row = known ? { ...known, title: subject.title } : { ...subject, actual_status: null, actual_percent: null, assessed_at: null };
  rows.put('status_subjects', row);
  return row;
};

/** The subject's real state, and every gap about it judged again; what ended stays DROPPED (endedForGood). */
export const assess = async (rows: PageRows, subject: Row, real: RealState): Promise<void> => {
  if (endedForGood(subject.actual_status)) return;
  rows.put('status_subjects', {
    ...subject,
    actual_status: real.actualStatus,
    actual_percent: real.actualPercentComplete,
    assessed_at: real.at,
  });
  return judgeGaps(rows, real.subjectId);
};

/**
 * A delivery or an end (realStateGivenBy) is the subject's real state from then on. A subject
 * nobody reported on or assessed yet gets its row here, untitled until a report or assessment
 * names it (putSubject): a report of it is held against the delivery or the end too.
 */
export const realStateOnRecord = async (rows: PageRows, recorded: RecordedEvent, real: RealState): Promise<void> => {
  const known = await rows.get('status_subjects', { subject_id: real.subjectId });
  const subject = known ?? {
    subject_id: real.subjectId,
    project_id: String(recorded.data.projectId),
    subject_type: real.subjectType,
    title: '',
    seq: Number(recorded.position),
  };
  return assess(rows, subject, real);
};
