import type { ReadModelDb } from '@cf/event-store';
import type { DeliveryStatus } from '../domain/webhooks.events.js';
import { TIMED_OUTBOX_TABLE, allOutboxRows } from '../outbox/outbox.tables.js';
import { DELIVERY_STATE_TABLE } from '../outbox/delivery-state.tables.js';

/** A delivery due for an attempt, with what it takes to send it. */
export interface DueDelivery {
  deliveryId: string;
  webhookId: string;
  projectId: string;
  event: string;
  url: string;
  secret: string;
  /** The secret a rotation replaced, and until when it signs beside `secret` (null: it does not). */
  previousSecret: string | null;
  previousSecretUntil: string | null;
  body: string;
  /** Attempts made before this one. */
  attempts: number;
}

/**
 * The outbox as the dispatcher works it. An attempt is claimed with a conditional update (the
 * attempt count it read must still hold, and no unexpired claim), so two instances never make
 * the same attempt; a claim lapses after `claimMs`, so an attempt cut short by a crash is made again.
 */
export const deliveryQueue = (db: ReadModelDb) => ({
  /** The due deliveries in log order, but none of the webhooks `busy` (at their cap of attempts in flight). */
  due: async (now: Date, limit: number, busy: readonly string[] = []): Promise<DueDelivery[]> => {
    const at = now.toISOString();
    let query = db
      .selectFrom(`${DELIVERY_STATE_TABLE} as s`)
      .innerJoin(allOutboxRows(db).as('o'), 'o.delivery_id', 's.delivery_id')
      .innerJoin('webhooks as w', 'w.id', 'o.webhook_id')
      .select([
        's.delivery_id',
        'o.webhook_id',
        'w.project_id',
        'o.event',
        'w.url',
        'w.secret',
        'w.previous_secret',
        'w.previous_secret_until',
        'o.body',
        's.attempts',
      ])
      .where('s.status', '=', 'PENDING')
      .where('s.next_attempt_at', '<=', at)
      .where('w.active', '=', 1)
      .where((eb) => eb.or([eb('s.claimed_until', 'is', null), eb('s.claimed_until', '<=', at)]))
      .orderBy('o.position')
      .orderBy('s.delivery_id')
      .limit(limit);
    if (busy.length > 0) query = query.where('o.webhook_id', 'not in', [...busy]);
    const rows = await query.execute();
    return rows.map((r) => ({
      deliveryId: r.delivery_id,
      webhookId: r.webhook_id,
      projectId: r.project_id,
      event: r.event,
      url: r.url,
      secret: r.secret,
      previousSecret: r.previous_secret ?? null,
      previousSecretUntil: r.previous_secret_until ?? null,
      body: r.body,
      attempts: Number(r.attempts),
    }));
  },

  claim: async (delivery: DueDelivery, now: Date, claimMs: number): Promise<boolean> => {
    const at = now.toISOString();
    const result = await db
      .updateTable(DELIVERY_STATE_TABLE)
      .set({ attempts: delivery.attempts + 1, claimed_until: new Date(now.getTime() + claimMs).toISOString() })
      .where('delivery_id', '=', delivery.deliveryId)
      .where('status', '=', 'PENDING')
      .where('attempts', '=', delivery.attempts)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /**
   * The outcome of the claimed attempt; ignored when a redelivery reset the delivery meanwhile. One
   * never sent (`unsent`: nothing could be opened, or its registrant manages no more) gives its
   * claim back: `attempts` counts deliveries a receiver was sent.
   */
  record: async (
    delivery: DueDelivery,
    outcome: {
      status: DeliveryStatus;
      nextAttemptAt: string;
      statusCode: number | null;
      error?: string | null;
      at: Date;
      unsent?: boolean;
    },
  ): Promise<void> => {
    await db
      .updateTable(DELIVERY_STATE_TABLE)
      .set({
        ...(outcome.unsent ? { attempts: delivery.attempts } : {}),
        status: outcome.status,
        next_attempt_at: outcome.nextAttemptAt,
        claimed_until: null,
        last_status_code: outcome.statusCode,
        last_error: outcome.error ?? null,
        last_attempt_at: outcome.at.toISOString(),
      })
      .where('delivery_id', '=', delivery.deliveryId)
      .where('attempts', '=', delivery.attempts + 1)
      .where('status', '=', 'PENDING')
      .execute();
  },

  /**
   * Drops the bodies of deliveries that finished (DELIVERED, FAILED, CANCELLED, SKIPPED) before `before`:
   * they leave the listing. Their state stays, a few bytes each, so a rebuild that derives them
   * again finds them finished and sends nothing.
   */
  prune: async (before: Date): Promise<void> => {
    const finished = db
      .selectFrom(DELIVERY_STATE_TABLE)
      .select('delivery_id')
      .where('status', 'in', ['DELIVERED', 'FAILED', 'CANCELLED', 'SKIPPED'])
      .where((eb) => eb(eb.fn.coalesce('last_attempt_at', 'created_at'), '<', before.toISOString()));
    for (const table of ['webhook_outbox', TIMED_OUTBOX_TABLE]) await db.deleteFrom(table).where('delivery_id', 'in', finished).execute();
  },
});
