import type { ReadModelDb } from '@cf/event-store';

/**
 * Who may ask and approve: whether each request was asked with authority, each contact's authority
 * to approve scope, and first-hand evidence of it, so a commitment is judged from its own tables.
 */
export const migrateAuthorityTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('commitment_request_authority')
    .ifNotExists()
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('requested_by_id', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('relayer_name', 'text', (c) => c.notNull())
    .addColumn('asked_with_authority', 'integer', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('commitment_contact_authority')
    .ifNotExists()
    .addColumn('contact_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('can_approve_scope', 'integer', (c) => c.notNull())
    .execute();
  await migrateEvidenceTables(db);
};

/** First-hand evidence of authority and the sessions it rests on (authority-evidence.apply.ts). */
const migrateEvidenceTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('commitment_authority_evidence')
    .ifNotExists()
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_authority_evidence_pk', ['request_id', 'session_id'])
    .execute();
  await db.schema
    .createIndex('commitment_authority_evidence_by_session')
    .ifNotExists()
    .on('commitment_authority_evidence')
    .columns(['session_id'])
    .execute();
  await db.schema
    .createTable('commitment_sessions')
    .ifNotExists()
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('voided', 'integer', (c) => c.notNull())
    .addColumn('contact_ids', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .execute();
};
