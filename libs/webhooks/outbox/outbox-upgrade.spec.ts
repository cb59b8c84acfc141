import { ProjectionRunner } from '@cf/event-store';
import { deliveryQueue } from '../delivery/delivery-queue.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';
import { OPENED_BY_REBUILD } from './outbox-rows.js';
import { webhookOutboxProjection } from './outbox.projection.js';
import { type OutboxUnderTest, P, ann, at, commitmentMadeData, event, outboxUnderTest, registered } from './outbox.spec-fixtures.js';
import { webhooksReadModel } from './webhooks.read-model.js';

const made = (commitmentId: string) => event('CommitmentMade', commitmentMadeData({ commitmentId, at }));
const rejected = (commitmentId: string) => event('CommitmentRejected', { commitmentId, projectId: P, note: 'no', by: ann, at });

/** A receiver is sent after an upgrade what it would have been sent: nothing a rebuild derives anew from the past. */
describe('the webhook outbox rebuilt by an upgrade', () => {
  let outboxes: OutboxUnderTest;
  const idAt = async (position: number) =>
    (await outboxes.db.selectFrom('webhook_outbox').select('delivery_id').where('position', '=', position).executeTakeFirstOrThrow())
      .delivery_id as string;
  const statusAt = async (position: number) => {
    const delivery = await webhooksReadModel(outboxes.db).delivery(await idAt(position));
    return delivery && { status: delivery.status, lastError: delivery.lastError };
  };
  /** The code before never told of the notice at `position`: no delivery of it was kept. */
  const neverTold = async (position: number) => {
    const id = await idAt(position);
    await outboxes.db.deleteFrom(DELIVERY_STATE_TABLE).where('delivery_id', '=', id).execute();
    await outboxes.db.deleteFrom('webhook_outbox').where('delivery_id', '=', id).execute();
  };
  const upgrade = async () => {
    const version = (webhookOutboxProjection.version ?? 1) + 1;
    const runner = new ProjectionRunner(outboxes.store, outboxes.db, [{ ...webhookOutboxProjection, version }]);
    await runner.migrate();
    await runner.catchUp();
  };

  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    await outboxes.append('webhook-w1', registered('w1', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_REJECTED']));
    await outboxes.append(`budget-${P}`, made('k1'), rejected('k1'), made('k2'));
    await outboxes.db
      .updateTable(DELIVERY_STATE_TABLE)
      .set({ status: 'DELIVERED', attempts: 1 })
      .where('delivery_id', '=', await idAt(2))
      .execute();
    await neverTold(3);
  });
  afterEach(() => outboxes.close());

  it('skips what it opens for events from before it, keeps every delivery as it stood, and sends what is new', async () => {
    await upgrade();
    expect(await statusAt(2)).toEqual({ status: 'DELIVERED', lastError: null });
    expect(await statusAt(3)).toEqual({ status: 'SKIPPED', lastError: OPENED_BY_REBUILD });
    expect(await statusAt(4)).toEqual({ status: 'PENDING', lastError: null });
    await outboxes.append(`budget-${P}`, rejected('k2'));
    expect(await statusAt(5)).toEqual({ status: 'PENDING', lastError: null });
    const due = await deliveryQueue(outboxes.db).due(new Date(), 10);
    expect(due.map((delivery) => delivery.deliveryId)).toEqual([await idAt(4), await idAt(5)]);
  });

  it('skips the same after a rebuild of the read models', async () => {
    await outboxes.rebuild();
    expect(await statusAt(3)).toEqual({ status: 'SKIPPED', lastError: OPENED_BY_REBUILD });
  });

  it('sends a skipped delivery when it is redelivered, and keeps it so across later upgrades', async () => {
    await upgrade();
    const deliveryId = await idAt(3);
    await outboxes.append('webhook-w1', event('WebhookRedeliveryRequested', { webhookId: 'w1', projectId: P, deliveryId, by: ann, at }));
    const due = async () => (await deliveryQueue(outboxes.db).due(new Date(), 10)).map((delivery) => delivery.deliveryId);
    expect(await due()).toEqual([deliveryId, await idAt(4)]);
    await upgrade();
    expect(await due()).toEqual([deliveryId, await idAt(4)]);
  });
});
