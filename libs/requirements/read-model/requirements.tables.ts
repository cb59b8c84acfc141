import type { ReadModelDb } from '@cf/event-store';

/** The requirements as they stand now, by project and key, and every revision of each. */
export const migrateRequirementsTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('requirements')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirements_by_project').ifNotExists().on('requirements').columns(['project_id', 'key']).execute();
  await db.schema
    .createTable('requirement_revisions')
    .ifNotExists()
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('trigger_kind', 'text', (c) => c.notNull())
    .addColumn('trigger_channel', 'text')
    .addColumn('trigger_session_id', 'text')
    .addColumn('trigger_request_id', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('removal', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('requirement_revisions_pk', ['requirement_id', 'revision'])
    .execute();
};
