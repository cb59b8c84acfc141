import { derivedId } from '@cf/core';
import type { ReadModelDb, ReadModelTransaction } from '@cf/event-store';
import { DELIVERY_STATE_TABLE } from './outbox.tables.js';
import type { WebhookNotice } from './webhook-notice.js';

/** The same webhook, moment and notice always give the same delivery id: receivers de-duplicate on it. */
export const deliveryIdOf = (webhookId: string, position: bigint, key: string): string =>
  derivedId(`webhook-delivery:${webhookId}:${position}:${key}`);

/** Where a notice came from: the log's position it was derived at, and when it happened. */
export interface NoticeOrigin {
  position: bigint;
  occurredAt: string;
}

/**
 * The project's active webhooks subscribed to the notice get an outbox row each, and their
 * delivery a state, once: a state kept from before a rebuild is left as it is.
 */
export const enqueueNotice = async (db: ReadModelDb | ReadModelTransaction, notice: WebhookNotice, origin: NoticeOrigin): Promise<void> => {
  const webhooks = await db.selectFrom('webhooks').select(['id', 'events']).where('project_id', '=', notice.projectId).where('active', '=', 1).execute();
  for (const webhook of webhooks) {
    if (!(JSON.parse(webhook.events as string) as string[]).includes(notice.event)) continue;
    const deliveryId = deliveryIdOf(webhook.id as string, origin.position, notice.key);
    const body = JSON.stringify({
      event: notice.event, deliveryId, projectId: notice.projectId, position: origin.position.toString(),
      occurredAt: origin.occurredAt, subject: notice.subject,
    });
    await db.insertInto('webhook_outbox').values({
      delivery_id: deliveryId, webhook_id: webhook.id, project_id: notice.projectId, event: notice.event, position: Number(origin.position), body,
    }).onConflict((oc) => oc.column('delivery_id').doNothing()).execute();
    await db.insertInto(DELIVERY_STATE_TABLE).values({
      delivery_id: deliveryId, status: 'PENDING', attempts: 0, next_attempt_at: origin.occurredAt,
      claimed_until: null, last_status_code: null, last_attempt_at: null, redelivered_at: null,
    }).onConflict((oc) => oc.column('delivery_id').doNothing()).execute();
  }
};
