import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookReceiver, signatureVerifies, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { type WebhookProject, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

const SETTINGS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '50' };
const ROTATE =
  'mutation($i: WebhookInput!, $hours: Int) { rotateWebhookSecret(input: $i, keepPreviousSecretHours: $hours) { webhook { secret } } }';

/** A receiver rolling a new secret out accepts every delivery meanwhile: the one replaced signs on for the hours asked. */
describe('rotating a webhook secret with a window for receivers', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let p: WebhookProject;
  let webhookId: string;
  let first: string;

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    receiver = await startWebhookReceiver();
    portal = await startPortal();
    p = await webhookProject(portal);
    ({ id: webhookId, secret: first } = (await registerWebhook(portal, p, receiver.url, ['COMMITMENT_AWAITING_APPROVAL'])).webhook);
  });
  afterAll(async () => {
    await portal.close();
    await receiver.close();
    for (const name of Object.keys(SETTINGS)) Reflect.deleteProperty(process.env, name);
  });

  const rotate = async (hours?: number): Promise<string> => {
    const answer = await portal.graphql(ROTATE, { i: { webhookId }, hours }, p.mia);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.rotateWebhookSecret.webhook.secret as string;
  };
  /** The signatures of the next delivery's x-ledger-signature, each checked against the secrets given. */
  const nextSignedBy = async (summary: string, secrets: string[]): Promise<boolean[][]> => {
    const commitmentId = await promiseTooMuch(portal, p, summary);
    const [delivery] = await receiver.waitFor(1, (d) => d.body.subject.id === commitmentId);
    const signatures = String(delivery.headers['x-ledger-signature']).split(', ');
    return signatures.map((signature) => secrets.map((secret) => signatureVerifies(secret, delivery.rawBody, signature)));
  };

  it('signs with the new secret first and the one it replaced after it, then with the new one alone once rotated without a window', async () => {
    const second = await rotate(24);
    expect(await nextSignedBy('Overlap', [second, first])).toEqual([
      [true, false],
      [false, true],
    ]);
    const third = await rotate();
    expect(await nextSignedBy('No overlap', [third, second, first])).toEqual([[true, false, false]]);
  });

  it('refuses a window over a week or below zero, naming it', async () => {
    for (const hours of [169, -1]) {
      const answer = await portal.graphql(ROTATE, { i: { webhookId }, hours }, p.mia);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'keepPreviousSecretHours' } });
    }
  });

  it('binds the window to its idempotency key: the same key with other hours is another rotation, refused', async () => {
    const keyed = (hours?: number) => portal.graphql(ROTATE, { i: { webhookId, idempotencyKey: 'rotate-with-window' }, hours }, p.mia);
    const rotated = await keyed(24);
    expect(rotated.errors).toBeUndefined();
    expect((await keyed(24)).data).toEqual(rotated.data);
    expect((await keyed()).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' } });
  });
});
