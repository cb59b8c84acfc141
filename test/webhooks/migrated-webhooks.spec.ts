import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateCommand } from '../../apps/cli/commands/migrate.command.js';
import { type Portal, TEST_JWT_SECRET, startPortal } from '../harness/portal-harness.js';
import { type StoreUnderTest, TEST_DATABASE_URL, freshStore } from '../harness/store-under-test.js';
import { type WebhookReceiver, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

/** One retry 0.2 s after the first attempt, then FAILED. */
const SETTINGS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SECONDS: '0.2', WEBHOOK_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' };
type Delivery = { id: string; event: string; status: string; attempts: number };

/** Polls a project's webhook deliveries until `done` holds of them (or 20 s pass) and returns them by id. */
const deliveriesOnce = async (portal: Portal, projectId: string, token: string, done: (all: Delivery[]) => boolean) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all: Delivery[] = (await portal.ok('Webhooks', { projectId }, token)).webhooks[0].deliveries;
    if (done(all) || Date.now() > deadline) return new Map(all.map((d) => [d.id, d]));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * `migrate` into another store carries the webhooks' delivery record: the target derives the same
 * delivery ids from the copied log and finds where each stood, so a receiver is not sent again
 * what it was sent (or told of what failed) before the move.
 */
describe('webhooks after migrate', () => {
  let receiver: WebhookReceiver;
  const sourceDir = mkdtempSync(join(tmpdir(), 'cf-migrate-webhooks-'));
  // A store of the kind under test the log passes through without ever being served (no projections ran there).
  const urlOf = (store: StoreUnderTest): string =>
    store.kind === 'sqlite' ? `sqlite:${store.env.DATA_DIR}` : `${TEST_DATABASE_URL}?schema=${store.env.DATABASE_SCHEMA}`;
  const hop = freshStore('migrated_webhooks', TEST_JWT_SECRET);
  // The store the log ends in, of the kind under test too, and served.
  const target = freshStore('migrated_webhooks_served', TEST_JWT_SECRET);

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await hop.remove();
    await target.remove();
    rmSync(sourceDir, { recursive: true, force: true });
    for (const name of Object.keys(SETTINGS)) Reflect.deleteProperty(process.env, name);
  });

  it('sends nothing again that was delivered or failed before, through a store never served, and sends what comes after', async () => {
    const source = await startPortal({ dataDir: sourceDir, env: { EVENT_STORE: 'sqlite' } });
    const p = await webhookProject(source);
    await registerWebhook(source, p, `${receiver.url}/moved?token=t1`, ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']);
    receiver.answerNext(500, 500, 500); // both notices fail once; whichever retries first fails again: FAILED
    await promiseTooMuch(source, p, 'Before the move');
    const before = await deliveriesOnce(source, p.projectId, p.mia, (all) => all.length === 2 && all.every((d) => d.status !== 'PENDING'));
    expect([...before.values()].map((d) => d.status).sort()).toEqual(['DELIVERED', 'FAILED']);
    const postedBefore = receiver.received.length;
    expect(postedBefore).toBe(4);
    await source.app.close();

    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await migrateCommand({ from: `sqlite:${sourceDir}`, to: urlOf(hop) });
    await migrateCommand({ from: urlOf(hop), to: urlOf(target) });
    jest.restoreAllMocks();

    const moved = await startPortal({ dataDir: target.env.DATA_DIR, env: target.env });
    try {
      const after = await deliveriesOnce(moved, p.projectId, p.mia, (all) => all.length === 2);
      expect(after).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 500)); // ten of the dispatcher's passes
      expect(receiver.received.length).toBe(postedBefore);
      const commitmentId = await promiseTooMuch(moved, p, 'After the move');
      const sent = await receiver.waitFor(2, (d) => d.body.subject.id === commitmentId);
      expect(sent.map((d) => d.path)).toEqual(['/hooks/moved?token=t1', '/hooks/moved?token=t1']);
      expect(receiver.received.length).toBe(postedBefore + 2);
    } finally {
      await moved.app.close();
    }
  });
});
