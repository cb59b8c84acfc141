import type { CommitmentEvent } from '@cf/commitments';
import { type Projection, type PageRows, REBUILDS_TABLE, type RecordedEvent, replayedThrough } from '@cf/event-store';
import { realStateGivenBy } from '@cf/reporting';
import type { WebhookStreamEvent } from '../domain/webhooks.events.js';
import { commitmentNotices } from './commitment-notices.js';
import { enqueueOnPage } from './outbox-rows.js';
import { recordRequest } from './request-deadlines.js';
import { AWAITING_CHECK_TABLE, OUTBOX_TABLES, allOutboxRows, migrateOutboxTables } from './outbox.tables.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';
import { forgetPerceptionsOf, perceptionNotices } from './perception-notices.js';
import type { WebhookNotice } from './webhook-notice.js';
import type { WebhookColumns } from './webhooks.rows.js';

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

const applyWebhookEvent = async (rows: PageRows, event: WebhookStreamEvent, recorded: RecordedEvent): Promise<void> => {
  if (event.type === 'WebhookRegistered') {
    const d = event.data;
    rows.put('webhooks', {
      id: d.webhookId,
      project_id: d.projectId,
      url: d.url,
      events: JSON.stringify(d.events),
      description: d.description ?? null,
      secret: d.secret,
      previous_secret: null,
      previous_secret_until: null,
      active: 1,
      registered_at: d.at,
      seq: Number(recorded.position),
    });
    return;
  }
  if (event.type === 'WebhookRedeliveryRequested') {
    // Once per request: a replay of the log finds it already applied and leaves the outcome since.
    const position = Number(recorded.position);
    rows.afterWrite(DELIVERY_STATE_TABLE, (trx) =>
      trx
        .updateTable(DELIVERY_STATE_TABLE)
        .set({ status: 'PENDING', attempts: 0, next_attempt_at: event.data.at, claimed_until: null, redelivered_at: position })
        .where('delivery_id', '=', event.data.deliveryId)
        .where((eb) => eb.or([eb('redelivered_at', 'is', null), eb('redelivered_at', '<', position)]))
        .execute(),
    );
    return;
  }
  const webhook = await rows.get<WebhookColumns>('webhooks', { id: event.data.webhookId });
  if (!webhook) return;
  if (event.type === 'WebhookSecretRotated') {
    const until = event.data.previousSecretValidUntil ?? null;
    rows.put('webhooks', { ...webhook, secret: event.data.secret, previous_secret: until && webhook.secret, previous_secret_until: until });
    return;
  }
  rows.put('webhooks', { ...webhook, active: 0 });
  // What it was still owed is never sent: cancelled, so no pass looks at it again.
  rows.afterWrite(DELIVERY_STATE_TABLE, (trx) =>
    trx
      .updateTable(DELIVERY_STATE_TABLE)
      .set({ status: 'CANCELLED', claimed_until: null })
      .where('status', '=', 'PENDING')
      .where('delivery_id', 'in', trx.selectFrom(allOutboxRows(trx).as('o')).select('o.delivery_id').where('o.webhook_id', '=', webhook.id))
      .execute(),
  );
};

/** What an event of another context tells on its own: a commitment's notices, a request's deadlines, a forgotten contact. */
const ownNoticesOf = async (rows: PageRows, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  if (COMMITMENT_EVENTS.includes(recorded.type))
    return commitmentNotices(rows, { type: recorded.type, data: recorded.data } as CommitmentEvent);
  if (REQUEST_EVENTS.includes(recorded.type)) await recordRequest(rows, recorded);
  if (recorded.type === 'ContactForgotten') await forgetPerceptionsOf(rows, String(recorded.data.contactId));
  return [];
};

/** A delivery or an end is also its subject's real state against what its contacts were told (realStateGivenBy). */
const noticesOf = async (rows: PageRows, recorded: RecordedEvent): Promise<WebhookNotice[]> => {
  if (REPORTING_EVENTS.includes(recorded.type)) return perceptionNotices(rows, recorded);
  const own = await ownNoticesOf(rows, recorded);
  return realStateGivenBy(recorded) ? [...own, ...(await perceptionNotices(rows, recorded))] : own;
};

/**
 * The transactional outbox: webhooks and what they are to be told, derived from the log in the
 * transaction that moves this projection's checkpoint, so a crash loses and invents nothing.
 * The dispatcher sends what it finds here; the delivery state outlives rebuilds, and since the
 * dispatcher moves it meanwhile, a page only inserts it where missing and changes it with
 * conditional statements (PageRows' shared tables), never by writing back a row it read. A
 * rebuild sends nothing the code before it did not: a delivery it opens for an event it replays is SKIPPED.
 */
export const webhookOutboxProjection: Projection = {
  name: 'webhook_outbox',
  // 2: the requests awaiting their first-response check; 3: a forgotten contact's perceptions dropped;
  // 4: a delivered commitment is DONE at 100 % against what its contacts were told; 5: a rotated-out secret signs on a while;
  // 6: what ended is DROPPED against what its contacts were told
  version: 6,
  tables: OUTBOX_TABLES,
  keys: {
    webhooks: ['id'],
    webhook_outbox: ['delivery_id'],
    webhook_commitments: ['id'],
    webhook_perception: ['subject_id', 'told_to_id'],
    webhook_assessments: ['subject_id'],
    webhook_requests: ['request_id'],
    [AWAITING_CHECK_TABLE]: ['request_id'],
    [DELIVERY_STATE_TABLE]: ['delivery_id'],
    [REBUILDS_TABLE]: ['name'],
  },
  // The dispatcher deletes finished deliveries and checked requests, and moves delivery state.
  writtenElsewhere: ['webhook_outbox', AWAITING_CHECK_TABLE, DELIVERY_STATE_TABLE],
  migrate: migrateOutboxTables,
  project: async (rows, recorded) => {
    if (recorded.stream.startsWith('webhook-')) {
      await applyWebhookEvent(rows, { type: recorded.type, data: recorded.data } as WebhookStreamEvent, recorded);
      return;
    }
    const notices = await noticesOf(rows, recorded);
    if (notices.length === 0) return;
    // Each delivery is what a receiver would have been sent: not what a rebuild derives anew from the past.
    const replayed = recorded.position <= (await replayedThrough(rows, webhookOutboxProjection.name));
    const origin = { position: recorded.position, occurredAt: recorded.metadata.occurredAt, replayed };
    for (const notice of notices) await enqueueOnPage(rows, notice, origin);
  },
};
