import { jest } from '@jest/globals';
import pg from 'pg';
import type { Logger } from 'pino';
import { OPERATIONS_LOG } from '../../apps/api/logging/operations-log.js';
import { PostgresStoreClaim } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { startPortal } from '../harness/portal-harness.js';
import { storeClaimSessions, terminateSession } from '../harness/store-claim-sessions.js';
import { TEST_DATABASE_URL } from '../harness/store-under-test.js';
import { sampleOf, scrape } from './scrape.js';
import { TcpProxy } from './tcp-proxy.js';
import { eventually, probe } from './probes.js';

const eventuallyTrue = async (check: () => Promise<boolean>): Promise<boolean> => {
  for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50)))
    if (await check()) return true;
  return false;
};

describe('GET /health/live and /health/ready', () => {
  it('are 200 while the store answers and the read models are current', async () => {
    const portal = await startPortal();
    try {
      expect((await probe(portal, '/health/live')).status).toBe(200);
      const ready = await probe(portal, '/health/ready');
      expect(ready).toMatchObject({ status: 200, body: { status: 'ok' } });
    } finally {
      await portal.close();
    }
  });

  it('turns 503, naming readModels, while the read models do not answer though the store does, and 200 again when they do', async () => {
    const portal = await startPortal();
    try {
      const { readModels, runner } = portal.app.get(EventSourcing);
      await runner.stop();
      await readModels.schema.alterTable('projection_checkpoints').renameTo('projection_checkpoints_away').execute();
      const notReady = await probe(portal, '/health/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body.error?.readModels).toMatchObject({
        status: 'down',
        message: expect.stringMatching(/^the read models failed to answer.*; its message is in the operations log$/),
      });
      expect(notReady.body.error?.store).toBeUndefined();
      await readModels.schema.alterTable('projection_checkpoints_away').renameTo('projection_checkpoints').execute();
      await eventually(portal, '/health/ready', 200);
    } finally {
      await portal.close();
    }
  });

  it('turn ready to 503, naming projectionLag, while the projections lag more than READY_MAX_PROJECTION_LAG', async () => {
    const portal = await startPortal({ env: { READY_MAX_PROJECTION_LAG: '0' } });
    try {
      const eventSourcing = portal.app.get(EventSourcing);
      await eventSourcing.runner.stop();
      const metadata = { actor: { userId: 'u', name: 'U' }, occurredAt: new Date().toISOString(), correlationId: 'c' };
      await eventSourcing.store.append('project-lagging', [{ type: 'LagMeasured', data: {}, metadata }], {
        expectedLastIndex: 'no_stream',
      });
      const log = portal.app.get<Logger>(OPERATIONS_LOG);
      const [warned, informed] = [jest.spyOn(log, 'warn'), jest.spyOn(log, 'info')];
      const notReady = await probe(portal, '/health/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body.error?.projectionLag).toMatchObject({ status: 'down', message: expect.stringContaining('1 events behind') });
      expect(notReady.body.error?.store).toBeUndefined();
      expect((await probe(portal, '/health/live')).status).toBe(200);
      // Probed again and again while not ready: one line for the change, not one per probe.
      for (let i = 0; i < 3; i++) expect((await probe(portal, '/health/ready')).status).toBe(503);
      const lines = (spy: typeof warned) =>
        spy.mock.calls.filter((args) => args.some((arg) => typeof arg === 'string' && arg.includes('/health/ready')));
      expect(lines(warned)).toEqual([
        [{ failing: { projectionLag: expect.objectContaining({ status: 'down' }) } }, expect.stringMatching(/^not ready: /)],
      ]);
      await eventSourcing.runner.catchUp();
      await eventually(portal, '/health/ready', 200);
      await probe(portal, '/health/ready');
      expect(lines(informed)).toEqual([['ready again: /health/ready answers 200']]);
      jest.restoreAllMocks();
    } finally {
      await portal.close();
    }
  });
});

const postgresUnreachable = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  const reason = await client.connect().then(
    () => undefined,
    (error: Error) => error.message,
  );
  await client.end().catch(() => undefined);
  return reason;
};

const unreachable = await postgresUnreachable();
if (unreachable) console.warn(`readiness on PostgreSQL NOT RUN: PostgreSQL unreachable at ${TEST_DATABASE_URL}: ${unreachable}`);
const describeWithPostgres = unreachable && process.env.CI !== 'true' ? describe.skip : describe;

describeWithPostgres('GET /health/ready on PostgreSQL', () => {
  it('turns 503, naming the store, while PostgreSQL is unreachable, and 200 again when it is back', async () => {
    const target = new URL(TEST_DATABASE_URL);
    const proxy = new TcpProxy(Number(target.port || 5432), target.hostname);
    await proxy.open();
    target.port = String(proxy.port);
    const portal = await startPortal({
      env: {
        EVENT_STORE: 'postgres',
        DATABASE_URL: target.toString(),
        DATABASE_SCHEMA: `cf_ready_${process.pid}`,
        READY_STORE_TIMEOUT_MS: '1000',
      },
    });
    try {
      await eventually(portal, '/health/ready', 200);
      await proxy.cut();
      const down = await eventually(portal, '/health/ready', 503);
      expect(down.body.error?.store).toMatchObject({ status: 'down' });
      // The detailed view says why, and what the instance knows, instead of an internal error.
      const detailed = await fetch(portal.url.replace('/graphql', '/health'));
      expect(detailed.status).toBe(503);
      const body = (await detailed.json()) as { store: { error: string } };
      expect(body).toMatchObject({
        status: 'unavailable',
        store: { kind: 'postgres', error: expect.stringMatching(/^the store (failed to answer|did not answer within)/) },
        projections: expect.arrayContaining([expect.objectContaining({ name: 'audit', position: expect.any(String) })]),
      });
      // Anyone may ask the health routes: no host, port or user of the database in either answer.
      for (const answer of [JSON.stringify(down.body), body.store.error]) {
        expect(answer).not.toContain(String(proxy.port));
        expect(answer).not.toContain(target.hostname);
      }
      expect((await probe(portal, '/health/live')).status).toBe(200);
      await proxy.open();
      const up = await eventually(portal, '/health/ready', 200);
      expect(up.body.status).toBe('ok');
    } finally {
      await proxy.open().catch(() => undefined);
      await portal.close();
      await proxy.cut();
    }
  });

  it('turns 503, naming storeClaim, while its share of the store is lost and a job holds the store, and 200 once it has the share back', async () => {
    const schema = `cf_ready_claim_${process.pid}`;
    const portal = await startPortal({ env: { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } });
    const job = new PostgresStoreClaim(TEST_DATABASE_URL, schema);
    try {
      await eventually(portal, '/health/ready', 200);
      const [share] = await storeClaimSessions(TEST_DATABASE_URL, schema);
      await terminateSession(TEST_DATABASE_URL, share);
      expect(await eventuallyTrue(() => job.takeAlone())).toBe(true); // the server restarted, and a job came first
      const down = await eventually(portal, '/health/ready', 503);
      expect(down.body.error?.storeClaim).toMatchObject({
        status: 'down',
        message: expect.stringContaining('lost its share of the store'),
      });
      // Nor does it take a command, which would append beside the job: refused, nothing written.
      const head = await portal.app.get(EventSourcing).store.headPosition();
      const token = await portal.tokenFor('ada');
      const refused = await portal.send('OpenProject', { input: { name: 'During the job', customerName: 'C', budgetHours: 1 } }, token);
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'UNAVAILABLE' },
        message: expect.stringContaining('nothing was done'),
      });
      expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
      // An outage shows in the commands' metric, as every other refusal of a command does.
      const families = await scrape(portal.url.replace('/graphql', ''));
      expect(Number(sampleOf(families, 'ledger_commands_total', { command: 'OpenProject', outcome: 'UNAVAILABLE' }).value)).toBe(1);
      await job.release();
      expect((await eventually(portal, '/health/ready', 200)).body.status).toBe('ok');
    } finally {
      await job.release();
      await portal.close();
    }
  });
});
