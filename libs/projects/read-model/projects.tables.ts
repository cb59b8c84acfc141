import type { ReadModelDb } from '@cf/event-store';

/** The projects projection's own tables: projects, their current members, and approved baselines with their requirements. */
export const migrateProjectsTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('projects')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('budget_hours', 'double precision', (c) => c.notNull())
    .addColumn('contact_days_target', 'double precision', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('project_members')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
    .execute();
  await db.schema.createIndex('project_members_by_user').ifNotExists().on('project_members').columns(['user_id']).execute();
  await db.schema.createIndex('project_members_by_contact').ifNotExists().on('project_members').columns(['contact_id']).execute();
  await db.schema
    .createTable('baselines')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_id', 'text', (c) => c.notNull())
    .addColumn('countersigned_by_id', 'text', (c) => c.notNull())
    .addColumn('total_hours', 'double precision', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('baseline_requirements')
    .ifNotExists()
    .addColumn('baseline_id', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('baseline_requirements_pk', ['baseline_id', 'requirement_id'])
    .execute();
};
