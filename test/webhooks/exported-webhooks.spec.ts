import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '@cf/event-store';
import { exportCommand } from '../../apps/cli/commands/export.command.js';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { sampleOf, scrape } from '../operations/scrape.js';
import { registerWebhook, webhookProject } from './webhook-fixture.js';

/**
 * `export --unseal` opens personal data for people to read; a webhook's signing secret and the
 * path and query of its URL (which often carry the receiver's token) are not that: the file shows
 * them as the audit log does, `[secret]` and the origin.
 */
describe('webhooks in an export', () => {
  let portal: Portal;
  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal.close();
    Reflect.deleteProperty(process.env, 'WEBHOOK_ALLOW_PRIVATE');
  });

  /** The events of a (sealed) export of the whole log. */
  const exported = async (): Promise<Array<Record<string, any>>> => {
    const out = join(tmpdir(), `cf-sealed-webhooks-${process.pid}.ndjson`);
    try {
      await exportCommand(portal.config, { out });
      return readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    } finally {
      rmSync(out, { force: true });
    }
  };

  it("keeps no hash of a keyed registration's URL to test guesses against, and compares it opened: another URL is refused", async () => {
    const p = await webhookProject(portal);
    const input = {
      projectId: p.projectId,
      url: 'http://127.0.0.1:4999/hooks/T0456?token=def456',
      events: ['COMMITMENT_REJECTED'],
      idempotencyKey: randomUUID(),
    };
    const first = (await portal.ok('RegisterWebhook', { input }, p.mia)).registerWebhook.webhook;
    const registered = (await exported()).find((event) => event.type === 'WebhookRegistered' && event.data.webhookId === first.id)!;
    // What one holding the log would compute for a guess of the URL, the right one included.
    const guessed = createHash('sha256').update(canonicalJson(input)).digest('hex');
    expect(registered.metadata.commandFingerprint).toMatch(/^RegisterWebhook:[a-z-]+:[0-9a-f]{64}$/);
    expect(registered.metadata.commandFingerprint).not.toContain(guessed);
    const retried = await portal.ok('RegisterWebhook', { input }, p.mia);
    expect(retried.registerWebhook.webhook).toMatchObject({ id: first.id, url: input.url, secret: first.secret });
    const elsewhere = await portal.send('RegisterWebhook', { input: { ...input, url: 'http://127.0.0.1:4999/elsewhere' } }, p.mia);
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    // Refused inside the command, so its metric counts it as refused, not as a registration answered.
    const commands = (outcome: string) =>
      scrape(portal.url.replace('/graphql', '')).then((families) =>
        Number(sampleOf(families, 'ledger_commands_total', { command: 'RegisterWebhook', outcome }).value),
      );
    expect({ ok: await commands('OK'), refused: await commands('BAD_USER_INPUT') }).toEqual({ ok: 2, refused: 1 });
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
