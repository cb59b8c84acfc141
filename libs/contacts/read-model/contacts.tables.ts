import type { ReadModelDb } from '@cf/event-store';

/** The tables of the contacts projection: contacts, and who was at each contact session. */
export const CONTACTS_TABLES = ['contacts', 'contact_sessions', 'session_developers', 'session_contacts'] as const;

export const CONTACTS_KEYS: Record<(typeof CONTACTS_TABLES)[number], readonly string[]> = {
  contacts: ['id'],
  contact_sessions: ['id'],
  session_developers: ['session_id', 'user_id'],
  session_contacts: ['session_id', 'contact_id'],
};

export const migrateContactsTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('contacts')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('organisation', 'text')
    .addColumn('department', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('can_approve_scope', 'integer', (c) => c.notNull())
    .addColumn('forgotten', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_by_project').ifNotExists().on('contacts').columns(['project_id', 'seq']).execute();
  await db.schema
    .createTable('contact_sessions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('days', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('voided', 'integer', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_sessions_by_project').ifNotExists().on('contact_sessions').columns(['project_id', 'seq']).execute();
  await db.schema
    .createTable('session_developers')
    .ifNotExists()
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_developers_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('session_contacts')
    .ifNotExists()
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_contacts_pk', ['session_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('session_contacts_by_contact').ifNotExists().on('session_contacts').columns(['contact_id']).execute();
};
