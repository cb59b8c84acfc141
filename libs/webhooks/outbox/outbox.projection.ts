import { derivedId } from '@cf/core';
import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { WebhookStreamEvent } from '../domain/webhooks.events.js';
import { commitmentNotices } from './commitment-notices.js';
import { DELIVERY_STATE_TABLE, OUTBOX_TABLES, migrateOutboxTables } from './outbox.tables.js';
import { perceptionNotices } from './perception-notices.js';
import type { WebhookNotice } from './webhook-notice.js';

const COMMITMENT_EVENTS = ['CommitmentMade', 'CommitmentRevised', 'CommitmentApproved', 'CommitmentRejected', 'CommitmentWithdrawn', 'CommitmentDelivered'];
const REPORTING_EVENTS = ['StatusReported', 'StatusAssessed', 'StatusAcknowledged'];

/** The same webhook, event and notice always give the same delivery id: receivers de-duplicate on it. */
export const deliveryIdOf = (webhookId: string, position: bigint, key: string): string =>
  derivedId(`webhook-delivery:${webhookId}:${position}:${key}`);

const applyWebhookEvent = async (trx: ReadModelTransaction, event: WebhookStreamEvent, recorded: RecordedEvent): Promise<void> => {
  switch (event.type) {
    case 'WebhookRegistered': {
      const d = event.data;
      await trx.insertInto('webhooks').values({
        id: d.webhookId, project_id: d.projectId, url: d.url, events: JSON.stringify(d.events), description: d.description ?? null,
        secret: d.secret, active: 1, registered_at: d.at, seq: Number(recorded.position),
      }).execute();
      return;
    }
    case 'WebhookDeactivated':
      await trx.updateTable('webhooks').set({ active: 0 }).where('id', '=', event.data.webhookId).execute();
      return;
    case 'WebhookSecretRotated':
      await trx.updateTable('webhooks').set({ secret: event.data.secret }).where('id', '=', event.data.webhookId).execute();
      return;
    case 'WebhookRedeliveryRequested':
      // Once per request: a replay of the log finds it already applied and leaves the outcome since.
      await trx.updateTable(DELIVERY_STATE_TABLE)
        .set({ status: 'PENDING', attempts: 0, next_attempt_at: event.data.at, claimed_until: null, redelivered_at: Number(recorded.position) })
        .where('delivery_id', '=', event.data.deliveryId)
        .where((eb) => eb.or([eb('redelivered_at', 'is', null), eb('redelivered_at', '<', Number(recorded.position))]))
        .execute();
  }
};

const noticesOf = (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  if (COMMITMENT_EVENTS.includes(recorded.type)) return commitmentNotices(trx, recorded.type, recorded.data);
  if (REPORTING_EVENTS.includes(recorded.type)) return perceptionNotices(trx, recorded);
  return Promise.resolve([]);
};

/** One outbox row per notice and active webhook of its project subscribed to it; its state once, kept across rebuilds. */
const enqueue = async (trx: ReadModelTransaction, notice: WebhookNotice, recorded: RecordedEvent): Promise<void> => {
  const webhooks = await trx.selectFrom('webhooks').select(['id', 'events']).where('project_id', '=', notice.projectId).where('active', '=', 1).execute();
  for (const webhook of webhooks) {
    if (!(JSON.parse(webhook.events as string) as string[]).includes(notice.event)) continue;
    const deliveryId = deliveryIdOf(webhook.id as string, recorded.position, notice.key);
    const body = JSON.stringify({
      event: notice.event, deliveryId, projectId: notice.projectId, position: recorded.position.toString(),
      occurredAt: recorded.metadata.occurredAt, subject: notice.subject,
    });
    await trx.insertInto('webhook_outbox').values({
      delivery_id: deliveryId, webhook_id: webhook.id, project_id: notice.projectId, event: notice.event, position: Number(recorded.position), body,
    }).execute();
    await trx.insertInto(DELIVERY_STATE_TABLE).values({
      delivery_id: deliveryId, status: 'PENDING', attempts: 0, next_attempt_at: recorded.metadata.occurredAt,
      claimed_until: null, last_status_code: null, last_attempt_at: null, redelivered_at: null,
    }).onConflict((oc) => oc.column('delivery_id').doNothing()).execute();
  }
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
    for (const notice of await noticesOf(trx, recorded)) await enqueue(trx, notice, recorded);
  },
};
