import type { CommitmentEvent } from '@cf/commitments';
import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { WebhookStreamEvent } from '../domain/webhooks.events.js';
import { commitmentNotices } from './commitment-notices.js';
import { enqueueNotice } from './outbox-rows.js';
import { recordRequest } from './request-deadlines.js';
import { DELIVERY_STATE_TABLE, OUTBOX_TABLES, allOutboxRows, migrateOutboxTables } from './outbox.tables.js';
import { perceptionNotices } from './perception-notices.js';
import type { WebhookNotice } from './webhook-notice.js';

export { deliveryIdOf } from './outbox-rows.js';

const COMMITMENT_EVENTS = [
  'CommitmentMade',
  'CommitmentRevised',
  'CommitmentApproved',
  'CommitmentRejected',
  'CommitmentWithdrawn',
  'CommitmentDelivered',
];
const REPORTING_EVENTS = ['StatusReported', 'StatusAssessed', 'StatusAcknowledged'];
const REQUEST_EVENTS = ['RequestRaised', 'RequestRevised', 'RequestResponded', 'RequestWithdrawn', 'RequestResolved'];

const applyWebhookEvent = async (trx: ReadModelTransaction, event: WebhookStreamEvent, recorded: RecordedEvent): Promise<void> => {
  switch (event.type) {
    case 'WebhookRegistered': {
      const d = event.data;
      await trx
        .insertInto('webhooks')
        .values({
          id: d.webhookId,
          project_id: d.projectId,
          url: d.url,
          events: JSON.stringify(d.events),
          description: d.description ?? null,
          secret: d.secret,
          active: 1,
          registered_at: d.at,
          seq: Number(recorded.position),
        })
        .execute();
      return;
    }
    case 'WebhookDeactivated':
      await trx.updateTable('webhooks').set({ active: 0 }).where('id', '=', event.data.webhookId).execute();
      // What it was still owed is never sent: cancelled, so no pass looks at it again.
      await trx
        .updateTable(DELIVERY_STATE_TABLE)
        .set({ status: 'CANCELLED', claimed_until: null })
        .where('status', '=', 'PENDING')
        .where(
          'delivery_id',
          'in',
          trx.selectFrom(allOutboxRows(trx).as('o')).select('o.delivery_id').where('o.webhook_id', '=', event.data.webhookId),
        )
        .execute();
      return;
    case 'WebhookSecretRotated':
      await trx.updateTable('webhooks').set({ secret: event.data.secret }).where('id', '=', event.data.webhookId).execute();
      return;
    case 'WebhookRedeliveryRequested':
      // Once per request: a replay of the log finds it already applied and leaves the outcome since.
      await trx
        .updateTable(DELIVERY_STATE_TABLE)
        .set({
          status: 'PENDING',
          attempts: 0,
          next_attempt_at: event.data.at,
          claimed_until: null,
          redelivered_at: Number(recorded.position),
        })
        .where('delivery_id', '=', event.data.deliveryId)
        .where((eb) => eb.or([eb('redelivered_at', 'is', null), eb('redelivered_at', '<', Number(recorded.position))]))
        .execute();
  }
};

const noticesOf = (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  if (COMMITMENT_EVENTS.includes(recorded.type))
    return commitmentNotices(trx, { type: recorded.type, data: recorded.data } as CommitmentEvent);
  if (REPORTING_EVENTS.includes(recorded.type)) return perceptionNotices(trx, recorded);
  if (REQUEST_EVENTS.includes(recorded.type)) return recordRequest(trx, recorded).then(() => []);
  return Promise.resolve([]);
};

/**
 * The transactional outbox: webhooks and what they are to be told, derived from the log in the
 * transaction that moves this projection's checkpoint, so a crash loses and invents nothing.
 * The dispatcher sends what it finds here; the delivery state outlives rebuilds.
 */
export const webhookOutboxProjection: Projection = {
  name: 'webhook_outbox',
  tables: OUTBOX_TABLES,
  migrate: migrateOutboxTables,
  apply: async (trx, recorded) => {
    if (recorded.stream.startsWith('webhook-')) {
      await applyWebhookEvent(trx, { type: recorded.type, data: recorded.data } as WebhookStreamEvent, recorded);
      return;
    }
    const origin = { position: recorded.position, occurredAt: recorded.metadata.occurredAt };
    for (const notice of await noticesOf(trx, recorded)) await enqueueNotice(trx, notice, origin);
  },
};
