import { newId } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { SECRET_NOT_OPENED, URL_NOT_OPENED } from '@cf/webhooks';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';
import { type WebhookReceiver, signatureVerifies, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { type WebhookProject, latestDelivery, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

const SETTINGS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SECONDS: '0.2,0.2', WEBHOOK_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' };
const DELIVERIES =
  'query($projectId: ID!) { webhooks(projectId: $projectId) { id url deliveries(first: 20) { id status attempts lastStatusCode lastError } } }';
const ROTATE = 'mutation($i: WebhookInput!) { rotateWebhookSecret(input: $i) { position webhook { id secret } } }';
const DEACTIVATE = 'mutation($i: WebhookInput!) { deactivateWebhook(input: $i) { position } }';
const REDELIVER =
  'mutation($i: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $i) { position delivery { id status } } }';

/**
 * A log copied without its keys: a webhook's URL and secret are sealed with its own key, so where
 * the key is missing nothing is sent (never to a stand-in address, never signed with a stand-in),
 * the delivery fails saying why, and what it says to do brings the notices back.
 */
describe('webhooks whose sealed URL or secret cannot be opened', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let p: WebhookProject;

  const failedDelivery = (webhookId: string) => latestDelivery(portal, p, webhookId, 'FAILED');

  const deactivate = async (webhookId: string): Promise<void> =>
    expect((await portal.graphql(DEACTIVATE, { i: { webhookId } }, p.mia)).errors).toBeUndefined();

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    receiver = await startWebhookReceiver();
    portal = await startPortal();
    p = await webhookProject(portal);
  });
  afterAll(async () => {
    await portal.close();
    await receiver.close();
    for (const name of Object.keys(SETTINGS)) Reflect.deleteProperty(process.env, name);
  });

  it('logs the URL sealed with its origin beside it, lists it in full to a MANAGER and posts to it', async () => {
    const url = `${receiver.url}/T0123/secret-path?token=abc123`;
    const { webhook } = await registerWebhook(portal, p, url, ['COMMITMENT_REJECTED']);
    expect(webhook.url).toBe(url);
    const [logged] = await portal.app.get(EventSourcing).store.readStream(`webhook-${webhook.id}`);
    expect(logged.data.url).toMatch(new RegExp(`^enc:v1:${webhook.id}:`));
    expect(logged.data.origin).toBe(new URL(receiver.url).origin);
    expect(JSON.stringify([logged.data, logged.metadata])).not.toMatch(/secret-path|abc123/);
    const kept = await portal.app
      .get(EventSourcing)
      .readModels.selectFrom('webhooks')
      .select('url')
      .where('id', '=', webhook.id)
      .executeTakeFirst();
    expect(kept?.url).toMatch(/^enc:v1:/);
    const listed = (await portal.ok('Webhooks', { projectId: p.projectId }, p.mia)).webhooks.find(
      (w: { id: string }) => w.id === webhook.id,
    );
    expect(listed.url).toBe(url);
    const overSocket = await overWebSocket(portal.url, DELIVERIES, { projectId: p.projectId }, p.mia);
    expect(overSocket.data?.webhooks.find((w: { id: string }) => w.id === webhook.id).url).toBe(url);
    const commitmentId = await promiseTooMuch(portal, p, 'A sealed address');
    await portal.ok('RejectCommitment', { input: { commitmentId, note: 'Not now' } }, p.mia);
    const [sent] = await receiver.waitFor(1, (d) => d.body.subject.id === commitmentId);
    expect(sent.path).toBe('/hooks/T0123/secret-path?token=abc123');
    await deactivate(webhook.id);
  });

  it('sends nothing to a webhook whose URL cannot be opened, fails the delivery saying why, and a webhook registered again gets the next notice', async () => {
    const { webhook } = await registerWebhook(portal, p, receiver.url, ['COMMITMENT_REJECTED']);
    await portal.app.get(PersonalData).completeForgetting(webhook.id);
    const first = await promiseTooMuch(portal, p, 'A lost address');
    await portal.ok('RejectCommitment', { input: { commitmentId: first, note: 'Not now' } }, p.mia);
    const unsent = await failedDelivery(webhook.id);
    expect(unsent).toMatchObject({ status: 'FAILED', attempts: 0, lastStatusCode: null, lastError: URL_NOT_OPENED });
    expect(receiver.received.filter((d) => d.body.subject?.id === first)).toEqual([]);
    // A new secret would sign nothing: refused, and no new key makes the lost URL read as its sealed text.
    const head = await portal.app.get(EventSourcing).store.headPosition();
    const rotated = await portal.graphql(ROTATE, { i: { webhookId: webhook.id } }, p.mia);
    expect(rotated.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'webhookUrlLost' });
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
    const listed = (await portal.graphql(DELIVERIES, { projectId: p.projectId }, p.mia)).data!.webhooks.find(
      (w: { id: string }) => w.id === webhook.id,
    );
    expect(listed.url).toBe('[forgotten]');
    const again = await registerWebhook(portal, p, receiver.url, ['COMMITMENT_REJECTED']);
    await deactivate(webhook.id);
    const second = await promiseTooMuch(portal, p, 'Found again');
    await portal.ok('RejectCommitment', { input: { commitmentId: second, note: 'Not now' } }, p.mia);
    const [sent] = await receiver.waitFor(1, (d) => d.body.subject.id === second);
    expect(signatureVerifies(again.webhook.secret, sent.rawBody, sent.headers['x-ledger-signature'])).toBe(true);
    await deactivate(again.webhook.id);
  });

  it('for a webhook registered before URLs were sealed, fails on a secret that cannot be opened, and rotating it sends the delivery', async () => {
    const eventSourcing = portal.app.get(EventSourcing);
    const personalData = portal.app.get(PersonalData);
    const webhookId = newId();
    const mia = { userId: 'mia', name: 'Mia Manager' };
    const at = new Date().toISOString();
    const seal = await personalData.sealerFor(webhookId, ['secret']);
    const [earlier] = seal([
      {
        type: 'WebhookRegistered',
        data: {
          webhookId,
          projectId: p.projectId,
          url: receiver.url,
          events: ['COMMITMENT_REJECTED'],
          secret: 'whsec_old',
          registeredBy: mia,
          at,
        },
        metadata: { actor: mia, occurredAt: at, correlationId: newId() },
      },
    ]);
    const { position } = await eventSourcing.store.append(`webhook-${webhookId}`, [earlier], { expectedLastIndex: -1 });
    await eventSourcing.runner.waitFor(position);
    // Its registration holds no origin: the audit log cuts the URL written in plain to its origin.
    const { auditLog } = await portal.ok(
      'AuditLog',
      { filter: { projectId: p.projectId, types: ['WebhookRegistered'] }, first: 10 },
      p.mia,
    );
    const shown = auditLog.edges.find((edge: { node: { data: { webhookId: string } } }) => edge.node.data.webhookId === webhookId);
    expect(shown.node.data).toMatchObject({ url: new URL(receiver.url).origin, secret: '[secret]' });
    await personalData.completeForgetting(webhookId);
    const commitmentId = await promiseTooMuch(portal, p, 'An old webhook');
    await portal.ok('RejectCommitment', { input: { commitmentId, note: 'Not now' } }, p.mia);
    const unsent = await failedDelivery(webhookId);
    expect(unsent).toMatchObject({ status: 'FAILED', attempts: 0, lastStatusCode: null, lastError: SECRET_NOT_OPENED });
    expect(receiver.received.filter((d) => d.body.deliveryId === unsent.id)).toEqual([]);
    const rotated = await portal.graphql(ROTATE, { i: { webhookId } }, p.mia);
    expect(rotated.errors).toBeUndefined();
    expect((await portal.graphql(REDELIVER, { i: { deliveryId: unsent.id } }, p.mia)).errors).toBeUndefined();
    const [resent] = await receiver.waitFor(1, (d) => d.body.deliveryId === unsent.id);
    expect(signatureVerifies(rotated.data!.rotateWebhookSecret.webhook.secret, resent.rawBody, resent.headers['x-ledger-signature'])).toBe(
      true,
    );
  });
});
