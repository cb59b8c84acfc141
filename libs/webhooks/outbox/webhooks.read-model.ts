import type { ReadModelDb } from '@cf/event-store';
import type { DeliveryStatus, WebhookEvent } from '../domain/webhooks.events.js';
import { allOutboxRows } from './outbox.tables.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';

export interface WebhookRow {
  id: string;
  projectId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  active: boolean;
  registeredAt: string;
  /** Only for the answers to registration and rotation: never listed. */
  secret: string;
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  projectId: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  position: string;
}

/** The columns as stored (SQLite and PostgreSQL answer numbers and positions in their own types). */
export interface WebhookColumns {
  id: string;
  project_id: string;
  url: string;
  events: string;
  description: string | null;
  active: number | string;
  registered_at: string;
  secret: string;
}
interface DeliveryColumns {
  delivery_id: string;
  webhook_id: string;
  project_id: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number | string;
  last_status_code: number | string | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  position: number | string | bigint;
}

const toWebhook = (r: WebhookColumns): WebhookRow => ({
  id: r.id,
  projectId: r.project_id,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  description: r.description ?? null,
  active: Number(r.active) === 1,
  registeredAt: r.registered_at,
  secret: r.secret,
});

const toDelivery = (r: DeliveryColumns): DeliveryRow => ({
  id: r.delivery_id,
  webhookId: r.webhook_id,
  projectId: r.project_id,
  event: r.event,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: r.last_error ?? null,
  lastAttemptAt: r.last_attempt_at ?? null,
  nextAttemptAt: r.status === 'PENDING' ? r.next_attempt_at : null,
  position: String(r.position),
});

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
