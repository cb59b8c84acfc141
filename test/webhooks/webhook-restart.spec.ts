import { signToken } from '@cf/ledger';
import { type ApiProcess, startApiProcess } from '../harness/api-process.js';
import { rebuildReadModels } from '../harness/read-model-snapshot.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';
import { type WebhookReceiver, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { FAST_WEBHOOKS, deliveriesWhen, ok, openWebhookProject } from './webhook-process.js';

const SECRET = 'webhook-restart-secret-0123456789abcdef';

describe('a webhook delivery pending when the service is killed', () => {
  let store: StoreUnderTest;
  let api: ApiProcess | undefined;
  let receiver: WebhookReceiver | undefined;
  let dora: string;
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await receiver?.close();
    await store.remove();
  });

  it('arrives after the restart, under the id it was listed with', async () => {
    store = freshStore('webhook_restart', SECRET);
    const env = { ...store.env, ...FAST_WEBHOOKS };
    const mia = await signToken(SECRET, { userId: 'mia', name: 'Mia Manager' });
    // The receiver is down while the service runs: its port is known, nothing listens on it.
    const port = Number(new URL((receiver = await startWebhookReceiver()).url).port);
    await receiver.close();
    receiver = undefined;

    api = await startApiProcess(env);
    let projectId: string;
    ({ projectId, dora } = await openWebhookProject(api, mia));
    await ok(
      api,
      'RegisterWebhook',
      { input: { projectId, url: `http://127.0.0.1:${port}/hooks`, events: ['COMMITMENT_OUTSIDE_BUDGET'] } },
      mia,
    );
    await ok(api, 'MakeCommitment', { input: { projectId, summary: 'Export to the old ERP', madeToId: dora, estimateHours: 150 } }, mia);
    const [pending] = await deliveriesWhen(api, projectId, mia, (d) => d[0]?.attempts >= 1);
    expect(pending).toMatchObject({ event: 'COMMITMENT_OUTSIDE_BUDGET', status: 'PENDING', lastStatusCode: null });
    await api.kill('SIGKILL');

    receiver = await startWebhookReceiver(port);
    api = await startApiProcess(env);
    const [arrived] = await receiver.waitFor(1);
    expect(arrived.headers['x-ledger-delivery']).toBe(pending.id);
    expect(arrived.body).toMatchObject({ event: 'COMMITMENT_OUTSIDE_BUDGET', deliveryId: pending.id, projectId });
    const [delivered] = await deliveriesWhen(api, projectId, mia, (d) => d[0]?.status === 'DELIVERED');
    expect(delivered).toMatchObject({ id: pending.id, status: 'DELIVERED', lastStatusCode: 200 });
    expect(receiver.received.map((d) => d.body.deliveryId)).toEqual([pending.id]);
  });

  it('keeps what was delivered across a rebuild of the read models: the same deliveries, still DELIVERED', async () => {
    const mia = await signToken(SECRET, { userId: 'mia', name: 'Mia Manager' });
    const projectId = receiver!.received[0].body.projectId as string;
    const before = await deliveriesWhen(api!, projectId, mia, () => true);
    await api!.kill('SIGTERM');
    await rebuildReadModels(store.env);
    api = await startApiProcess({ ...store.env, ...FAST_WEBHOOKS });
    const after = await deliveriesWhen(api, projectId, mia, () => true);
    expect(after).toEqual(before);
    expect(after.map((d) => d.status)).toEqual(['DELIVERED']);
    // Deliveries go out in log order: once a later one has arrived, anything sent again would have arrived before it.
    await ok(api, 'MakeCommitment', { input: { projectId, summary: 'A later export', madeToId: dora, estimateHours: 150 } }, mia);
    const [later] = await receiver!.waitFor(1, (d) => d.body.subject.summary === 'A later export');
    expect(receiver!.received.map((d) => d.body.deliveryId)).toEqual([before[0].id, later.body.deliveryId]);
  });
});
