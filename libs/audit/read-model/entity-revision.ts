import type { PageRows, RecordedEvent } from '@cf/event-store';

/** Each entity's latest revision the page gave: a page of one project's events looks it up once. */
const revisionsOnPage = new WeakMap<PageRows, Map<string, number>>();

/** One after the entity's latest row (counting them all would read a project's whole history per event). */
const latestRevision = async (rows: PageRows, entity: { id: string; kind: string }): Promise<number> => {
  const latest = await rows.find(
    'audit_log',
    { entity_id: entity.id, entity_kind: entity.kind },
    { sql: (query) => query.orderBy('position', 'desc').limit(1), holds: () => true },
  );
  return latest.reduce((highest, row) => Math.max(highest, Number(row.revision)), 0);
};

/**
 * The entity's revision after the event: the stream's own, or the entity's events so far where it
 * spans streams — a project (its change orders and baselines are in its budget stream, and count
 * in Project.revision), a commitment of a budget stream — of its kind, since the status reports
 * on a commitment share its id.
 */
export const entityRevision = async (
  rows: PageRows,
  recorded: Pick<RecordedEvent, 'stream' | 'indexInStream' | 'type'>,
  entity: { id: string; kind: string },
): Promise<number> => {
  if (entity.kind !== 'project' && !recorded.stream.startsWith('budget-')) return recorded.indexInStream + 1;
  let onPage = revisionsOnPage.get(rows);
  if (!onPage) revisionsOnPage.set(rows, (onPage = new Map()));
  const key = `${entity.kind} ${entity.id}`;
  // An entity's first event has nothing before it to look for.
  const first = recorded.type === 'CommitmentMade' || recorded.type === 'ProjectOpened';
  const revision = first ? 1 : (onPage.get(key) ?? (await latestRevision(rows, entity))) + 1;
  onPage.set(key, revision);
  return revision;
};
