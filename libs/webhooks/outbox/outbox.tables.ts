import type { ReadModelDb } from '@cf/event-store';

/** The tables the outbox projection derives from the log: emptied and refilled on a rebuild. */
export const OUTBOX_TABLES = ['webhooks', 'webhook_outbox', 'webhook_commitments', 'webhook_perception', 'webhook_assessments', 'webhook_requests'] as const;

/**
 * Where each delivery stands (attempts, next attempt, outcome), keyed by its stable id. Not one of
 * the projection's tables: a rebuild refills the outbox with the same ids and finds each one's
 * state here, so nothing delivered is sent again and nothing pending is forgotten.
 */
export const DELIVERY_STATE_TABLE = 'webhook_delivery_state';

export const migrateOutboxTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema.createTable('webhooks').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_by_project').ifNotExists().on('webhooks').columns(['project_id', 'seq']).execute();
  await db.schema.createTable('webhook_outbox').ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_outbox_by_webhook').ifNotExists().on('webhook_outbox').columns(['webhook_id', 'position']).execute();
  await db.schema.createTable('webhook_commitments').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('standing', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_perception').ifNotExists()
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('told_to_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('told', 'text', (c) => c.notNull())
    .addColumn('agrees', 'integer')
    .addColumn('gap', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_perception_pk', ['subject_id', 'told_to_id'])
    .execute();
  await db.schema.createTable('webhook_assessments').ifNotExists()
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('actual', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_requests').ifNotExists()
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('raised_position', 'bigint', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('closed_at', 'text')
    // Set by the dispatcher once the deadline has passed and its notice (if any) was written.
    .addColumn('settled', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_requests_unsettled').ifNotExists().on('webhook_requests').columns(['settled', 'raised_at']).execute();
  await db.schema.createTable(DELIVERY_STATE_TABLE).ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_attempt_at', 'text')
    .addColumn('redelivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_delivery_state_due').ifNotExists().on(DELIVERY_STATE_TABLE).columns(['status', 'next_attempt_at']).execute();
};
