import type { PageRows, RecordedEvent } from '@cf/event-store';

/** The new title an event of another context gives a subject of status reports, if it gives one. */
const renamed = (event: Pick<RecordedEvent, 'type' | 'data'>): { subjectId: string; title: string } | undefined => {
  if (event.type === 'RequirementRevised') return { subjectId: String(event.data.requirementId), title: String(event.data.title) };
  if (event.type !== 'RequestRevised') return undefined;
  const changes = (event.data.changes ?? []) as { field: string; to: unknown }[];
  const title = changes.find((change) => change.field === 'title')?.to;
  return typeof title === 'string' ? { subjectId: String(event.data.requestId), title } : undefined;
};

/**
 * A subject's title follows its renames, so a perception gap reads under the name the team uses
 * now; each report keeps the title it was made under.
 */
export const followRename = async (rows: PageRows, event: Pick<RecordedEvent, 'type' | 'data'>): Promise<void> => {
  const rename = renamed(event);
  if (!rename) return;
  const subject = await rows.get('status_subjects', { subject_id: rename.subjectId });
  if (subject && subject.title !== rename.title) rows.put('status_subjects', { ...subject, title: rename.title });
};
