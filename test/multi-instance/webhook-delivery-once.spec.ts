import { rmSync } from 'node:fs';
import { signToken } from '@cf/ledger';
import { type ApiProcess, healthOf, startApiProcess } from '../harness/api-process.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';
import { type WebhookReceiver, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { FAST_WEBHOOKS, deliveriesWhen, ok, openWebhookProject } from '../webhooks/webhook-process.js';

const SECRET = 'webhook-once-secret-webhook-once-0123';
const SCHEMA = `cf_webhook_once_${process.pid}`;
const env = {
  EVENT_STORE: 'postgres',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: SCHEMA,
  AUTH_JWT_SECRET: SECRET,
  DATA_DIR: `/tmp/${SCHEMA}`,
  ...FAST_WEBHOOKS,
  // An answer later than FAST_WEBHOOKS' 1 s (a loaded machine) would be one more attempt than the count below expects.
  WEBHOOK_TIMEOUT_MS: '10000',
};
const COMMITMENTS = 8;

const describeIt = await describeWithPostgres('webhook delivery with two instances');

describeIt('webhooks with two API instances on one PostgreSQL', () => {
  let instances: ApiProcess[] = [];
  let receiver: WebhookReceiver;
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    await receiver?.close();
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    // The instances' data directory, like their schemas, goes with the test.
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  it('sends each delivery once per attempt, from the instance that leads the projections', async () => {
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    receiver = await startWebhookReceiver();
    instances = [await startApiProcess(env), await startApiProcess(env)];
    expect((await Promise.all(instances.map(healthOf))).filter((h) => h.projectionsLedHere)).toHaveLength(1);
    const mia = await signToken(SECRET, { userId: 'mia', name: 'Mia Manager' });
    const { projectId, dora } = await openWebhookProject(instances[0], mia);
    await ok(
      instances[1],
      'RegisterWebhook',
      { input: { projectId, url: receiver.url, events: ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET'] } },
      mia,
    );
    await ok(instances[0], 'AddMember', { input: { projectId, userId: 'dan', name: 'Dan Developer', role: 'DEVELOPER' } }, mia);
    const dan = await signToken(SECRET, { userId: 'dan', name: 'Dan Developer' });

    receiver.answerNext(500, 503, 500);
    await Promise.all(
      Array.from({ length: COMMITMENTS }, (_, i) =>
        ok(
          instances[i % 2],
          'MakeCommitment',
          {
            input: { projectId, summary: `Promise ${i}`, madeToId: dora, estimateHours: 150 },
          },
          dan,
        ),
      ),
    );

    const deliveries = await deliveriesWhen(
      instances[0],
      projectId,
      mia,
      (d) => d.length === 2 * COMMITMENTS && d.every((x) => x.status === 'DELIVERED'),
    );
    expect(deliveries.map((d) => d.status)).toEqual(Array(2 * COMMITMENTS).fill('DELIVERED'));
    const sent = new Map<string, number>();
    for (const d of receiver.received) sent.set(d.body.deliveryId, (sent.get(d.body.deliveryId) ?? 0) + 1);
    expect(Object.fromEntries(sent)).toEqual(Object.fromEntries(deliveries.map((d) => [d.id, d.attempts])));
    expect(deliveries.reduce((sum, d) => sum + d.attempts, 0)).toBe(2 * COMMITMENTS + 3);
    // Two API processes started one after the other: about 9 s alone, over 30 s on a loaded 2-core machine.
  }, 90_000);
});
