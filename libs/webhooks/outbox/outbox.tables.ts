import type { ReadModelDb, ReadModelTransaction } from '@cf/event-store';
import { migrateDeliveryState } from './delivery-state.tables.js';

/** The tables the outbox projection derives from the log: emptied and refilled on a rebuild. */
export const OUTBOX_TABLES = [
  'webhooks',
  'webhook_outbox',
  'webhook_commitments',
  'webhook_perception',
  'webhook_assessments',
  'webhook_requests',
  'webhook_requests_awaiting_check',
] as const;

/**
 * The requests whose first-response deadline is yet to be checked, by when they were raised: the
 * dispatcher takes each out once it has checked it, so a pass reads the few still waiting, not every
 * request ever raised (a NOT IN over the checks cost 77 ms a pass at 140,000 requests). Refilled by
 * a rebuild with every request; a pass then takes out those already checked, without telling again.
 */
export const AWAITING_CHECK_TABLE = 'webhook_requests_awaiting_check';

/**
 * Which moments the notices of time passing were checked for (a request's first-response
 * deadline, a project's month): not a projection table either, so a rebuild does not check a
 * moment again and tell webhooks registered since of something long past.
 */
export const TIMED_CHECKS_TABLE = 'webhook_timed_checks';

/**
 * The deliveries of notices of time passing, like `webhook_outbox` but kept across rebuilds: no
 * event derives them again, and their moments are not checked again.
 */
export const TIMED_OUTBOX_TABLE = 'webhook_timed_outbox';

const OUTBOX_COLUMNS = ['delivery_id', 'webhook_id', 'project_id', 'event', 'position', 'body'] as const;

/** Every delivery, derived from the log or from time passing: select from it `.as('o')`. */
export const allOutboxRows = (db: ReadModelDb | ReadModelTransaction) =>
  db.selectFrom('webhook_outbox').select(OUTBOX_COLUMNS).unionAll(db.selectFrom(TIMED_OUTBOX_TABLE).select(OUTBOX_COLUMNS));

export const migrateOutboxTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('webhooks')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    // The secret a rotation replaced, signing beside it until previous_secret_until (secret-overlap.ts).
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_by_project').ifNotExists().on('webhooks').columns(['project_id', 'seq']).execute();
  for (const table of ['webhook_outbox', TIMED_OUTBOX_TABLE]) {
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('delivery_id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_by_webhook`).ifNotExists().on(table).columns(['webhook_id', 'position']).execute();
  }
  await db.schema
    .createTable('webhook_commitments')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('standing', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_perception')
    .ifNotExists()
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('told_to_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('told', 'text', (c) => c.notNull())
    .addColumn('agrees', 'integer')
    .addColumn('gap', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_perception_pk', ['subject_id', 'told_to_id'])
    .execute();
  await db.schema
    .createTable('webhook_assessments')
    .ifNotExists()
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('actual', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_requests')
    .ifNotExists()
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('raised_position', 'bigint', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable(AWAITING_CHECK_TABLE)
    .ifNotExists()
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${AWAITING_CHECK_TABLE}_by_raised_at`)
    .ifNotExists()
    .on(AWAITING_CHECK_TABLE)
    .columns(['raised_at'])
    .execute();
  await db.schema
    .createTable(TIMED_CHECKS_TABLE)
    .ifNotExists()
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_timed_checks_pk', ['notice', 'subject'])
    .execute();
  await migrateDeliveryState(db);
};
