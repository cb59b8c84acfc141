import { derivedId } from '@cf/core';
import type { PageRows, ReadModelDb, ReadModelTransaction } from '@cf/event-store';
import { TIMED_OUTBOX_TABLE } from './outbox.tables.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';
import type { WebhookColumns } from './webhooks.rows.js';
import type { WebhookNotice } from './webhook-notice.js';

/** The same webhook, moment and notice always give the same delivery id: receivers de-duplicate on it. */
export const deliveryIdOf = (webhookId: string, position: bigint, key: string): string =>
  derivedId(`webhook-delivery:${webhookId}:${position}:${key}`);

/** Where a notice came from: the log's position it was derived at, and when it happened. */
export interface NoticeOrigin {
  position: bigint;
  occurredAt: string;
  /**
   * For a notice of time passing: its moment. Only webhooks registered by then are told (a
   * webhook registered after a deadline was never owed its notice), and the delivery is kept in
   * the outbox rebuilds leave alone. Unset, the log's order decides.
   */
  registeredBy?: string;
  /** When it was queued, for the listing's order; the moment it happened unless told otherwise. */
  queuedAt?: string;
  /**
   * Derived again by a rebuild, for an event the outbox had applied before it: a delivery opened
   * now is SKIPPED (the code before never told of it), one kept from before stays as it was.
   */
  replayed?: boolean;
}

/** Why a delivery opened by a rebuild is not sent, as its listing shows. */
export const OPENED_BY_REBUILD =
  'not sent: opened by a rebuild of the outbox (an upgrade) for an event from before it; redeliver it to send it';

/** What a notice needs of a webhook: who it is and what it is subscribed to. */
type WebhookRow = Pick<WebhookColumns, 'id' | 'events'>;

/** The outbox row and the delivery state of each webhook subscribed to the notice. */
const deliveriesOf = (webhooks: readonly WebhookRow[], notice: WebhookNotice, origin: NoticeOrigin) =>
  webhooks
    .filter((webhook) => (JSON.parse(webhook.events) as string[]).includes(notice.event))
    .map((webhook) => {
      const deliveryId = deliveryIdOf(webhook.id, origin.position, notice.key);
      const body = JSON.stringify({
        event: notice.event,
        deliveryId,
        projectId: notice.projectId,
        position: origin.position.toString(),
        occurredAt: origin.occurredAt,
        subject: notice.subject,
      });
      return {
        outbox: {
          delivery_id: deliveryId,
          webhook_id: webhook.id,
          project_id: notice.projectId,
          event: notice.event,
          position: Number(origin.position),
          body,
        },
        state: {
          delivery_id: deliveryId,
          status: origin.replayed ? 'SKIPPED' : 'PENDING',
          attempts: 0,
          next_attempt_at: origin.occurredAt,
          claimed_until: null,
          last_status_code: null,
          last_error: origin.replayed ? OPENED_BY_REBUILD : null,
          last_attempt_at: null,
          redelivered_at: null,
          created_at: origin.queuedAt ?? origin.occurredAt,
        },
      };
    });

/**
 * The project's active webhooks subscribed to the notice get an outbox row each, and their
 * delivery a state, once: a state kept from before a rebuild is left as it is.
 */
export const enqueueNotice = async (db: ReadModelDb | ReadModelTransaction, notice: WebhookNotice, origin: NoticeOrigin): Promise<void> => {
  let query = db.selectFrom('webhooks').select(['id', 'events']).where('project_id', '=', notice.projectId).where('active', '=', 1);
  if (origin.registeredBy !== undefined) query = query.where('registered_at', '<=', origin.registeredBy);
  for (const { outbox, state } of deliveriesOf((await query.execute()) as WebhookRow[], notice, origin)) {
    await db
      .insertInto(origin.registeredBy === undefined ? 'webhook_outbox' : TIMED_OUTBOX_TABLE)
      .values(outbox)
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
    await db
      .insertInto(DELIVERY_STATE_TABLE)
      .values(state)
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
  }
};

/** enqueueNotice for a notice an event raised, as a page of the outbox projection writes it (the order of the log decides who is told). */
export const enqueueOnPage = async (rows: PageRows, notice: WebhookNotice, origin: NoticeOrigin): Promise<void> => {
  const webhooks = await rows.find<WebhookRow>('webhooks', { project_id: notice.projectId, active: 1 });
  webhooks.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const { outbox, state } of deliveriesOf(webhooks, notice, origin)) {
    rows.put('webhook_outbox', outbox);
    rows.insertIfAbsent(DELIVERY_STATE_TABLE, state);
  }
};
