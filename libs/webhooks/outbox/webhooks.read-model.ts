import type { ReadModelDb } from '@cf/event-store';
import { allOutboxRows } from './outbox.tables.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';
import { type DeliveryColumns, type DeliveryRow, type WebhookColumns, type WebhookRow, toDelivery, toWebhook } from './webhooks.rows.js';

/** A delivery's place in its webhook's listing (latest queued first). */
export interface DeliveryPlace {
  createdAt: string;
  position: unknown;
  id: string;
}

/** Webhooks and their deliveries as the portal reads them. */
export const webhooksReadModel = (db: ReadModelDb) => {
  const deliveries = () =>
    db
      .selectFrom(allOutboxRows(db).as('o'))
      .innerJoin(`${DELIVERY_STATE_TABLE} as s`, 's.delivery_id', 'o.delivery_id')
      .select([
        'o.delivery_id',
        'o.webhook_id',
        'o.project_id',
        'o.event',
        'o.position',
        's.status',
        's.attempts',
        's.last_status_code',
        's.last_error',
        's.last_attempt_at',
        's.next_attempt_at',
      ]);
  return {
    webhook: async (id: string): Promise<WebhookRow | undefined> => {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toWebhook(row as WebhookColumns) : undefined;
    },
    webhooksOf: async (projectId: string): Promise<WebhookRow[]> =>
      (await db.selectFrom('webhooks').selectAll().where('project_id', '=', projectId).orderBy('seq').execute()).map((row) =>
        toWebhook(row as WebhookColumns),
      ),
    /** The latest queued first: a notice of time passing carries no position of the log to sort by. */
    deliveriesOf: async (webhookId: string, first: number, after?: DeliveryPlace): Promise<DeliveryRow[]> =>
      (
        await deliveries()
          .where('o.webhook_id', '=', webhookId)
          // The next page: every delivery listed after `after` in this same order.
          .$if(after !== undefined, (query) =>
            query.where((eb) => {
              const { createdAt, position, id } = after as DeliveryPlace;
              return eb.or([
                eb('s.created_at', '<', createdAt),
                eb.and([eb('s.created_at', '=', createdAt), eb('o.position', '<', position)]),
                eb.and([eb('s.created_at', '=', createdAt), eb('o.position', '=', position), eb('o.delivery_id', '>', id)]),
              ]);
            }),
          )
          .orderBy('s.created_at', 'desc')
          .orderBy('o.position', 'desc')
          .orderBy('o.delivery_id')
          .limit(first)
          .execute()
      ).map((row) => toDelivery(row as DeliveryColumns)),
    /** Where a delivery of the webhook stands in its listing, to list the ones after it. */
    placeOf: async (webhookId: string, id: string): Promise<DeliveryPlace | undefined> => {
      const row = await deliveries()
        .select('s.created_at')
        .where('o.webhook_id', '=', webhookId)
        .where('o.delivery_id', '=', id)
        .executeTakeFirst();
      return row ? { createdAt: row.created_at as string, position: row.position, id } : undefined;
    },
    delivery: async (id: string): Promise<DeliveryRow | undefined> => {
      const row = await deliveries().where('o.delivery_id', '=', id).executeTakeFirst();
      return row ? toDelivery(row as DeliveryColumns) : undefined;
    },
  };
};
