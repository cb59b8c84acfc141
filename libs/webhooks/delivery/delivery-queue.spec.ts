import type { NewEvent } from '@cf/event-store';
import { type OutboxUnderTest, commitmentMadeData, outboxUnderTest } from '../outbox/outbox.spec-fixtures.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { deliveryQueue } from './delivery-queue.js';

const P = 'p-1';
const ann = { userId: 'u-ann', name: 'Ann' };
const at = '2026-03-02T10:00:00.000Z';
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata: { actor: ann, occurredAt: at, correlationId: 'c' },
});

describe('the delivery queue', () => {
  let outbox: OutboxUnderTest;
  const now = new Date('2026-03-02T10:00:01.000Z');
  beforeEach(async () => {
    outbox = await outboxUnderTest();
    await outbox.append(
      'webhook-w1',
      event('WebhookRegistered', {
        webhookId: 'w1',
        projectId: P,
        url: 'https://hooks.example.com/',
        events: ['COMMITMENT_AWAITING_APPROVAL'],
        secret: 's',
        registeredBy: ann,
        at,
      }),
    );
    await outbox.append(`budget-${P}`, event('CommitmentMade', commitmentMadeData({ commitmentId: 'k1', at })));
  });
  afterEach(() => outbox.close());

  it('lets one of two dispatchers claim an attempt, and the other none', async () => {
    const [first] = await deliveryQueue(outbox.db).due(now, 10);
    const [second] = await deliveryQueue(outbox.db).due(now, 10);
    expect(first).toMatchObject({
      webhookId: 'w1',
      event: 'COMMITMENT_AWAITING_APPROVAL',
      url: 'https://hooks.example.com/',
      secret: 's',
      attempts: 0,
    });
    expect(await deliveryQueue(outbox.db).claim(first, now, 15_000)).toBe(true);
    expect(await deliveryQueue(outbox.db).claim(second, now, 15_000)).toBe(false);
    expect(await deliveryQueue(outbox.db).due(now, 10)).toEqual([]);
  });

  it('makes an attempt cut short again once its claim lapses, as the next attempt', async () => {
    const queue = deliveryQueue(outbox.db);
    const [delivery] = await queue.due(now, 10);
    await queue.claim(delivery, now, 15_000);
    const lapsed = new Date(now.getTime() + 15_000);
    const [again] = await queue.due(lapsed, 10);
    expect(again).toMatchObject({ deliveryId: delivery.deliveryId, attempts: 1 });
    expect(await queue.claim(again, lapsed, 15_000)).toBe(true);
    // The first attempt's late outcome no longer counts: the attempt it was for is over.
    await queue.record(delivery, { status: 'DELIVERED', nextAttemptAt: now.toISOString(), statusCode: 200, at: now });
    expect(await outbox.db.selectFrom('webhook_delivery_state').select(['status', 'attempts']).execute()).toEqual([
      { status: 'PENDING', attempts: 2 },
    ]);
  });

  it('lists why the last attempt got no answer', async () => {
    const queue = deliveryQueue(outbox.db);
    const [delivery] = await queue.due(now, 10);
    await queue.claim(delivery, now, 15_000);
    await queue.record(delivery, {
      status: 'PENDING',
      nextAttemptAt: now.toISOString(),
      statusCode: null,
      error: 'connect ECONNREFUSED 127.0.0.1:9',
      at: now,
    });
    expect(await webhooksReadModel(outbox.db).deliveriesOf('w1', 1)).toEqual([
      expect.objectContaining({ status: 'PENDING', attempts: 1, lastStatusCode: null, lastError: 'connect ECONNREFUSED 127.0.0.1:9' }),
    ]);
  });

  it('drops finished deliveries past their retention from the listing, and a rebuild sends none of them again', async () => {
    const queue = deliveryQueue(outbox.db);
    const [delivery] = await queue.due(now, 10);
    await queue.claim(delivery, now, 15_000);
    await queue.record(delivery, { status: 'DELIVERED', nextAttemptAt: now.toISOString(), statusCode: 200, at: now });
    await queue.prune(now);
    expect(await webhooksReadModel(outbox.db).deliveriesOf('w1', 10)).toHaveLength(1);
    await queue.prune(new Date(now.getTime() + 1));
    expect(await webhooksReadModel(outbox.db).deliveriesOf('w1', 10)).toEqual([]);
    await outbox.rebuild();
    expect(await queue.due(new Date(now.getTime() + 60_000), 10)).toEqual([]);
  });

  it('leaves webhooks at their cap of attempts in flight out', async () => {
    expect(await deliveryQueue(outbox.db).due(now, 10, ['w1'])).toEqual([]);
  });
});
