import { randomUUID } from 'node:crypto';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookProject, webhookProject } from './webhook-fixture.js';

const ROTATE = 'mutation($i: WebhookInput!) { rotateWebhookSecret(input: $i) { webhook { id secret } } }';
const REGISTER = 'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id secret } } }';

/**
 * A retry by its idempotency key shows the first answer's secret again, opened from the log. Once
 * the webhook's key is gone (forgotten, or a log copied without its keys) it cannot be: the retry
 * is refused, naming the key, rather than shown the text that stands in for the secret.
 */
describe('a secret answered again to a retry by its idempotency key', () => {
  let portal: Portal;
  let p: WebhookProject;

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
    p = await webhookProject(portal);
  });
  afterAll(async () => {
    await portal.close();
    Reflect.deleteProperty(process.env, 'WEBHOOK_ALLOW_PRIVATE');
  });

  const register = (idempotencyKey: string) =>
    portal.graphql(
      REGISTER,
      { input: { projectId: p.projectId, url: 'http://127.0.0.1:4999/hooks', events: ['COMMITMENT_REJECTED'], idempotencyKey } },
      p.mia,
    );

  it('shows the first secret while it can be opened, and refuses the retry once it cannot', async () => {
    const registrationKey = randomUUID();
    const first = (await register(registrationKey)).data!.registerWebhook.webhook;
    expect(first.secret).toMatch(/^whsec_/);
    expect((await register(registrationKey)).data!.registerWebhook.webhook).toEqual(first);
    const rotate = () => portal.graphql(ROTATE, { i: { webhookId: first.id, idempotencyKey: 'rotate-once' } }, p.mia);
    const rotated = (await rotate()).data!.rotateWebhookSecret.webhook;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect((await rotate()).data!.rotateWebhookSecret.webhook.secret).toBe(rotated.secret);

    await portal.app.get(PersonalData).completeForgetting(first.id);
    const head = await portal.app.get(EventSourcing).store.headPosition();
    const registeredAgain = await register(registrationKey);
    expect(registeredAgain.errors?.[0].extensions).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'webhookSecretLost',
      field: 'idempotencyKey',
    });
    // The URL went with the same key: a rotation is refused for that before any key is looked at.
    const rotatedAgain = await rotate();
    expect(rotatedAgain.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'webhookUrlLost' });
    for (const retried of [registeredAgain, rotatedAgain]) {
      expect(retried.data).toBeNull();
      expect(JSON.stringify(retried)).not.toMatch(/\[forgotten\]|enc:v1:|whsec_/);
    }
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
  });
});
