import { REGISTRANT_NOT_MANAGER } from '@cf/webhooks';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { scrape } from '../operations/scrape.js';
import { type WebhookReceiver, signatureVerifies, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { type WebhookProject, latestDelivery, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

const SETTINGS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SECONDS: '0.2,0.2', WEBHOOK_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' };
const REMOVE = 'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { position } }';

/**
 * A notice holds what only the team reads, and the MANAGER who registered a webhook chose where it
 * goes. Once they are no longer a MANAGER of the project (removed, or back as a CUSTOMER) nothing
 * more is sent there: each delivery fails saying why, and a MANAGER registers the webhook again.
 */
describe('a webhook whose registrant is no longer a MANAGER', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let p: WebhookProject;
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

  const rejectAPromise = async (summary: string): Promise<string> => {
    const commitmentId = await promiseTooMuch(portal, p, summary);
    await portal.ok('RejectCommitment', { input: { commitmentId, note: 'Not now' } }, p.mia);
    return commitmentId;
  };
  it('sends while they manage the project, then nothing once they are a CUSTOMER, saying why', async () => {
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'hal', name: 'Hal Hooks', role: 'MANAGER' } }, p.mia);
    const hal = await portal.tokenFor('hal', 'Hal Hooks');
    const { webhook } = (
      await portal.ok('RegisterWebhook', { input: { projectId: p.projectId, url: receiver.url, events: ['COMMITMENT_REJECTED'] } }, hal)
    ).registerWebhook;
    const whileManager = await rejectAPromise('While Hal manages');
    await receiver.waitFor(1, (d) => d.body.subject.id === whileManager);

    const removed = await portal.graphql(REMOVE, { i: { projectId: p.projectId, userId: 'hal', reason: 'Moved to the customer' } }, p.mia);
    expect(removed.errors).toBeUndefined();
    await portal.ok(
      'AddMember',
      { input: { projectId: p.projectId, userId: 'hal', name: 'Hal Hooks', role: 'CUSTOMER', contactId: p.dora } },
      p.mia,
    );
    const afterwards = await rejectAPromise('After Hal left the team');
    expect(await latestDelivery(portal, p, webhook.id, 'FAILED')).toMatchObject({
      status: 'FAILED',
      attempts: 0, // never sent: no receiver was reached
      lastStatusCode: null,
      lastError: REGISTRANT_NOT_MANAGER,
    });
    expect(receiver.received.filter((d) => d.body.subject?.id === afterwards)).toEqual([]);
    // The metric counts attempts: the one sent, not the one that failed unsent.
    const metrics = await scrape(portal.url.replace(/\/graphql$/, ''));
    const rejected = metrics
      .get('ledger_webhook_deliveries_total')
      ?.metrics.filter((sample) => sample.labels?.event === 'COMMITMENT_REJECTED')
      .map((sample) => [sample.labels?.outcome, Number(sample.value)]);
    expect(rejected).toEqual([['DELIVERED', 1]]);

    const again = await registerWebhook(portal, p, receiver.url, ['COMMITMENT_REJECTED']);
    const next = await rejectAPromise('Mia vouches for the address');
    const [sent] = await receiver.waitFor(1, (d) => d.body.subject.id === next);
    expect(signatureVerifies(again.webhook.secret, sent.rawBody, sent.headers['x-ledger-signature'])).toBe(true);
  });
});
