import { categoryOfStream, idOfStream, originOf } from '@cf/core';
import type { Projection, PageRows, RecordedEvent, Row } from '@cf/event-store';
import { entityRevision } from './entity-revision.js';
import { forgetContact } from './forgotten-in-audit-log.js';

/**
 * The entity an event is about, and its kind: the stream's `<category>-<id>` (ids may hold
 * dashes, categories do not), except in a project's budget stream, which holds its commitments'
 * events (each about its commitment) beside the project's change orders and baselines.
 */
export const entityOf = (stream: string, data: Record<string, unknown>): { id: string; kind: string } => {
  const kind = categoryOfStream(stream);
  const id = idOfStream(stream);
  if (kind !== 'budget') return { id, kind };
  return typeof data.commitmentId === 'string' ? { id: data.commitmentId, kind: 'commitment' } : { id, kind: 'project' };
};

/** Streams named by their project's id: the project's own and its budget (`budget-<projectId>`). */
const PROJECT_CATEGORIES = ['project', 'budget'];

/** The project an event names itself (its `projectId`, or its stream's name), if it does. */
export const projectNamedBy = (event: Pick<RecordedEvent, 'stream' | 'data'>): string | undefined => {
  if (typeof event.data.projectId === 'string') return event.data.projectId;
  return PROJECT_CATEGORIES.includes(categoryOfStream(event.stream)) ? idOfStream(event.stream) : undefined;
};

/**
 * A webhook's signing secret is in its events (deliveries are signed with it) but never in the
 * audit log, histories or an unsealed export, and of its URL only the scheme and host: the
 * origin its registration logged beside the sealed URL, or, for a webhook registered before URLs
 * were sealed, the origin of the URL as written.
 */
export const asTheAuditLogShows = (data: Record<string, unknown>): Record<string, unknown> => {
  const { origin, ...withoutOrigin } = data;
  const webhookUrl = typeof data.url === 'string' && typeof data.webhookId === 'string' ? data.url : undefined;
  return {
    ...(webhookUrl === undefined ? data : withoutOrigin),
    ...(typeof data.secret === 'string' ? { secret: '[secret]' } : {}),
    ...(webhookUrl === undefined ? {} : { url: typeof origin === 'string' ? origin : originOf(webhookUrl) }),
  };
};

/**
 * Every event as the audit log shows it, one row per position. The project is the one the event
 * names (projectNamedBy), or else the one earlier events of the same stream named (so every row
 * of a project's entities can be filtered by project, whatever its type).
 */
export const auditProjection: Projection = {
  name: 'audit',
  // 3: events of budget-<projectId> belong to the project; 4: webhook secrets withheld; 5: webhook URLs cut to their origin;
  // 6: a forgotten contact's member name forgotten too; 7: a commitment's revisions count its own events, not the status reports on it;
  // 8: a forgotten contact's organisation and department forgotten in their revisions' changes too;
  // 9: the name a forgotten contact's CUSTOMER member acted under forgotten too;
  // 10: a project's revisions count its change orders and baselines, as Project.revision does
  version: 10,
  tables: ['audit_log'],
  migrate: async (db) => {
    await db.schema
      .createTable('audit_log')
      .ifNotExists()
      .addColumn('position', 'bigint', (c) => c.primaryKey())
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('entity_kind', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('correlation_id', 'text', (c) => c.notNull())
      .addColumn('causation_id', 'text')
      .addColumn('project_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .execute();
    // Each filter walks its index in position order, the order the log pages in.
    for (const column of ['project_id', 'stream', 'entity_id', 'actor_id', 'type']) {
      await db.schema.createIndex(`audit_log_by_${column}`).ifNotExists().on('audit_log').columns([column, 'position']).execute();
    }
    await db.schema.createIndex('audit_log_by_occurred_at').ifNotExists().on('audit_log').columns(['occurred_at']).execute();
  },
  keys: { audit_log: ['position'] },
  project: async (rows, recorded) => {
    const { metadata, data } = recorded;
    const entity = entityOf(recorded.stream, data);
    rows.put('audit_log', {
      position: Number(recorded.position),
      stream: recorded.stream,
      entity_id: entity.id,
      entity_kind: entity.kind,
      revision: await entityRevision(rows, recorded, entity),
      type: recorded.type,
      occurred_at: metadata.occurredAt,
      actor_id: metadata.actor.userId,
      actor_name: metadata.actor.name,
      correlation_id: metadata.correlationId,
      causation_id: metadata.causationId ?? null,
      project_id: projectNamedBy(recorded) ?? (await projectOfEarlierRows(rows, recorded.stream)),
      data: JSON.stringify(asTheAuditLogShows(data)),
      hash: recorded.hash,
      prev_hash: recorded.prevHash,
    });
    if (recorded.type === 'ContactForgotten') await forgetContact(rows, recorded.stream, data as { contactId: string; projectId: string });
  },
};

/** The project of the stream's first row that names one. */
const projectOfEarlierRows = async (rows: PageRows, stream: string): Promise<string | null> => {
  const named = await rows.find(
    'audit_log',
    { stream },
    {
      sql: (query) => query.where('project_id', 'is not', null).orderBy('position').limit(1),
      holds: (row) => row.project_id !== null,
    },
  );
  const first = named.reduce<Row | undefined>(
    (earliest, row) => (!earliest || Number(row.position) < Number(earliest.position) ? row : earliest),
    undefined,
  );
  return (first?.project_id as string | undefined) ?? null;
};
