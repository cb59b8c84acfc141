import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../apps/cli/commands/export.command.js';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { registerWebhook, webhookProject } from './webhook-fixture.js';

/**
 * `export --unseal` opens personal data for people to read; a webhook's signing secret and the
 * path and query of its URL (which often carry the receiver's token) are not that: the file shows
 * them as the audit log does, `[secret]` and the origin.
 */
describe('webhooks in an unsealed export', () => {
  let portal: Portal;
  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal.close();
    Reflect.deleteProperty(process.env, 'WEBHOOK_ALLOW_PRIVATE');
  });

  it('shows neither the secret nor the path, rotated or not, and names the contact in plain', async () => {
    const p = await webhookProject(portal);
    const { webhook } = await registerWebhook(portal, p, 'http://127.0.0.1:4999/hooks/T0123?token=abc123', ['COMMITMENT_REJECTED']);
    const rotated = await portal.graphql(
      'mutation($i: WebhookInput!) { rotateWebhookSecret(input: $i) { webhook { secret } } }',
      { i: { webhookId: webhook.id } },
      p.mia,
    );
    const out = join(tmpdir(), `cf-unsealed-webhooks-${process.pid}.ndjson`);
    try {
      await exportCommand(portal.config, { out, unseal: true });
      const text = readFileSync(out, 'utf8');
      for (const secret of [webhook.secret, rotated.data!.rotateWebhookSecret.webhook.secret, 'T0123', 'abc123', 'whsec_', 'enc:v1:'])
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      const registered = text
        .split('\n')
        .map((line) => JSON.parse(line || 'null'))
        .find((event) => event?.type === 'WebhookRegistered');
      expect(registered.data).toMatchObject({ url: 'http://127.0.0.1:4999', secret: '[secret]' });
      expect(text).toContain('Dora Decider');
    } finally {
      rmSync(out, { force: true });
    }
  });
});
