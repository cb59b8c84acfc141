import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';

export interface AuditRow {
  position: number | string;
  stream: string;
  entity_id: string;
  /** What the entity is: the stream's category, or `commitment` for the commitment events of a budget stream. */
  entity_kind: string;
  revision: number;
  type: string;
  occurred_at: string;
  actor_id: string;
  actor_name: string;
  correlation_id: string;
  causation_id: string | null;
  project_id: string | null;
  data: string;
  hash: string;
  prev_hash: string;
}

interface AuditTables {
  audit_log: AuditRow;
}

/** Filters of the audit log; `projectIds` is what the caller may read (always given). */
export interface AuditRowFilter {
  projectIds: readonly string[];
  /** Any of these stream names (one, or its spellings). */
  stream?: readonly string[];
  actorId?: string;
  types?: readonly string[];
  from?: string;
  to?: string;
}

const filtered = <O>(query: SelectQueryBuilder<AuditTables, 'audit_log', O>, f: AuditRowFilter) => {
  let q = query.where('project_id', 'in', [...f.projectIds]);
  if (f.stream !== undefined) q = q.where('stream', 'in', f.stream);
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.types !== undefined) q = q.where('type', 'in', [...f.types]);
  if (f.from !== undefined) q = q.where('occurred_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('occurred_at', '<=', f.to);
  return q;
};

/** Reads of the audit projection; other contexts ask these, never the table. */
export const auditReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<AuditTables>;
  return {
    page: async (filter: AuditRowFilter, afterPosition: number, limit: number): Promise<AuditRow[]> =>
      filter.projectIds.length === 0 || filter.types?.length === 0
        ? []
        : filtered(db.selectFrom('audit_log').selectAll(), filter)
            .where('position', '>', afterPosition)
            .orderBy('position')
            .limit(limit)
            .execute(),

    count: async (filter: AuditRowFilter): Promise<number> => {
      if (filter.projectIds.length === 0 || filter.types?.length === 0) return 0;
      const row = await filtered(
        db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')),
        filter,
      ).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The events of one entity (any category), oldest first. */
    ofEntity: (entityId: string): Promise<AuditRow[]> =>
      db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('position').execute(),

    /** The highest position the audit log holds (0 for none): it stays when the store loses its last events. */
    lastPosition: async (): Promise<bigint> => {
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('position').as('last'))
        .executeTakeFirst();
      return BigInt(row?.last ?? 0);
    },

    /** The project an earlier event of the stream named, if any. */
    projectOfStream: async (stream: string): Promise<string | null> => {
      const row = await db
        .selectFrom('audit_log')
        .select('project_id')
        .where('stream', '=', stream)
        .where('project_id', 'is not', null)
        .orderBy('position')
        .limit(1)
        .executeTakeFirst();
      return row?.project_id ?? null;
    },

    /** Where each of a project's events up to a position was, as the projection saw it (see project-chain.ts). */
    placesUpTo: (projectId: string, position: number): Promise<Pick<AuditRow, 'position' | 'stream' | 'revision' | 'hash'>[]> =>
      db
        .selectFrom('audit_log')
        .select(['position', 'stream', 'revision', 'hash'])
        .where('project_id', '=', projectId)
        .where('position', '<=', position)
        .orderBy('position')
        .execute(),

    /** The streams holding a project's events, in the order they began. */
    streamsOfProject: async (projectId: string): Promise<string[]> => {
      const rows = await db
        .selectFrom('audit_log')
        .select('stream')
        .select((eb) => eb.fn.min('position').as('first'))
        .where('project_id', '=', projectId)
        .groupBy('stream')
        .orderBy('first')
        .execute();
      return rows.map((row) => row.stream);
    },
  };
};
