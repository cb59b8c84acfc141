import type { ReadModelDb } from '@cf/event-store';

/**
 * Where each delivery stands (attempts, next attempt, outcome), keyed by its stable id. Not one of
 * the projection's tables: a rebuild refills the outbox with the same ids and finds each one's
 * state here, so nothing delivered is sent again and nothing pending is forgotten.
 */
export const DELIVERY_STATE_TABLE = 'webhook_delivery_state';

/** Its table, and the index by which the dispatcher finds the deliveries due. */
export const migrateDeliveryState = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable(DELIVERY_STATE_TABLE)
    .ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('redelivered_at', 'bigint')
    // When the delivery was queued (its notice's moment, or when time made it due): the listing's order.
    .addColumn('created_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_delivery_state_due')
    .ifNotExists()
    .on(DELIVERY_STATE_TABLE)
    .columns(['status', 'next_attempt_at'])
    .execute();
};
