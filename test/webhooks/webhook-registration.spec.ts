import { EventSourcing } from '@cf/ledger';
import { TargetHosts } from '@cf/webhooks';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookProject, registerWebhook, webhookProject } from './webhook-fixture.js';

const PUBLIC_URL = 'https://hooks.example.com/ledger';

describe('registering webhooks (private targets not allowed)', () => {
  let portal: Portal;
  let p: WebhookProject;
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const register = (url: string, token: string, events = ['COMMITMENT_REJECTED']) =>
    portal.send('RegisterWebhook', { input: { projectId: p.projectId, url, events } }, token);

  beforeAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    portal = await startPortal();
    // The name service as these specs see it: hooks.example.com is public, intranet.example.com private, nothing else resolves.
    const names: Record<string, string[]> = { 'hooks.example.com': ['93.184.216.34'], 'intranet.example.com': ['10.1.2.3'] };
    portal.app.get(TargetHosts).resolve = async (host) => names[host] ?? Promise.reject(new Error(`${host} does not resolve`));
    p = await webhookProject(portal);
  });
  afterAll(() => portal.close());

  it('answers a MANAGER with the webhook and its secret, shown this once', async () => {
    const { position, webhook } = await registerWebhook(portal, p, PUBLIC_URL, ['PERCEPTION_GAP_OPENED', 'COMMITMENT_AWAITING_APPROVAL']);
    expect(BigInt(position) > 0n).toBe(true);
    expect(webhook).toMatchObject({ url: PUBLIC_URL, events: ['COMMITMENT_AWAITING_APPROVAL', 'PERCEPTION_GAP_OPENED'], active: true });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const { webhooks } = await portal.ok('Webhooks', { projectId: p.projectId }, p.mia);
    expect(webhooks).toEqual([{ id: webhook.id, url: PUBLIC_URL, events: webhook.events, active: true, deliveries: [] }]);
    const asked = await portal.graphql('query($p: ID!) { webhooks(projectId: $p) { id secret } }', { p: p.projectId }, p.mia);
    expect(asked.errors?.[0].message).toMatch(/secret/);

    const { auditLog } = await portal.ok(
      'AuditLog',
      { filter: { projectId: p.projectId, types: ['WebhookRegistered'] }, first: 10 },
      p.mia,
    );
    expect(JSON.stringify(auditLog)).not.toContain(webhook.secret);
    expect(auditLog.edges[0].node.data.secret).toBe('[secret]');
    expect(auditLog.edges[0].node.data.url).toBe('https://hooks.example.com');

    // The log, and so every export, holds the secret sealed with the webhook's own key.
    const logged = (await portal.app.get(EventSourcing).store.readStream(`webhook-${webhook.id}`)).map((e) => e.data.secret);
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^enc:v1:${webhook.id}:`))]);
  });

  it('names the event the schema does not know, and the one named twice, writing nothing', async () => {
    const before = await head();
    const unknown = await register(PUBLIC_URL, p.mia, ['COMMITMENT_REJECTED', 'COMMITMENT_LOST']);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events[1]' });
    const twice = await register(PUBLIC_URL, p.mia, ['COMMITMENT_REJECTED', 'COMMITMENT_REJECTED']);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(await head()).toBe(before);
  });

  it('refuses a DEVELOPER: FORBIDDEN, and nothing is written', async () => {
    const before = await head();
    const answer = await register(PUBLIC_URL, p.dan);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    expect((await portal.send('Webhooks', { projectId: p.projectId }, p.dan)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await head()).toBe(before);
  });

  it('refuses an ftp:// URL and private, loopback or link-local ones, naming the url', async () => {
    const before = await head();
    for (const url of [
      'ftp://hooks.example.com/ledger',
      'http://127.0.0.1:8080/hooks',
      'http://10.0.0.7/hooks',
      'http://169.254.169.254/',
      'http://localhost/hooks',
      'http://[::1]/',
      'https://intranet.example.com/hooks',
      'https://nowhere.example.com/hooks',
    ]) {
      const answer = await register(url, p.mia);
      expect([url, answer.errors?.[0].extensions]).toEqual([url, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' })]);
    }
    const noEvents = await register(PUBLIC_URL, p.mia, []);
    expect(noEvents.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(await head()).toBe(before);
  });

  it('deactivates a webhook and rotates a secret, for a MANAGER only', async () => {
    const { webhook } = await registerWebhook(portal, p, PUBLIC_URL, ['COMMITMENT_REJECTED']);
    const rotate = 'mutation($i: WebhookInput!) { rotateWebhookSecret(input: $i) { position webhook { id secret } } }';
    const deactivate = 'mutation($i: WebhookInput!) { deactivateWebhook(input: $i) { position webhook { id active } } }';
    expect((await portal.graphql(rotate, { i: { webhookId: webhook.id } }, p.dan)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const rotated = await portal.graphql(rotate, { i: { webhookId: webhook.id } }, p.mia);
    expect(rotated.data?.rotateWebhookSecret.webhook.secret).toMatch(/^whsec_/);
    expect(rotated.data?.rotateWebhookSecret.webhook.secret).not.toBe(webhook.secret);
    const logged = (await portal.app.get(EventSourcing).store.readStream(`webhook-${webhook.id}`)).map((e) => e.data.secret);
    expect(logged.every((secret) => String(secret).startsWith('enc:v1:'))).toBe(true);
    const deactivated = await portal.graphql(deactivate, { i: { webhookId: webhook.id } }, p.mia);
    expect(deactivated.data?.deactivateWebhook.webhook).toEqual({ id: webhook.id, active: false });
    const again = await portal.graphql(deactivate, { i: { webhookId: webhook.id } }, p.mia);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'webhookActive' });
  });
});
