import { writeFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { join } from 'node:path';
import { LEDGER_PROJECTIONS } from '../../apps/api/ledger-contexts.js';
import { importCommand } from '../../apps/cli/commands/import.command.js';
import { rebuildCommand } from '../../apps/cli/commands/rebuild.command.js';
import { leadershipOf, loadConfig, openEventSourcing, storeClaimOf } from '@cf/ledger';
import type { ProjectionLeadership } from '@cf/event-store';
import { startApiProcess } from '../harness/api-process.js';
import { oneEventExportLine } from '../harness/one-event-export.js';
import { TEST_JWT_SECRET, startPortal } from '../harness/portal-harness.js';
import { freshStore } from '../harness/store-under-test.js';

/**
 * Every instance serving a store holds a share of it, and a job that writes the whole store
 * (import, migrate, rebuild) holds it alone. A follower does not lead the projections, so their
 * leadership alone let a job start beside it (an import, whose positions must stay the file's,
 * with an instance taking commands), and an instance start beside a job.
 */
describe(`the store claim (${process.env.EVENT_STORE ?? 'sqlite'})`, () => {
  const store = freshStore('store_claim', TEST_JWT_SECRET);
  const config = loadConfig({ ...process.env, ...store.env } as NodeJS.ProcessEnv);
  afterAll(() => store.remove());

  it('keeps a job out while a follower alone serves the store, and lets it in once the follower stops', async () => {
    const leader = await startPortal({ dataDir: config.dataDir, env: store.env });
    const follower = await startPortal({ dataDir: config.dataDir, env: store.env });
    const job = storeClaimOf(config);
    try {
      const token = await follower.tokenFor('maria');
      await follower.ok('OpenProject', { input: { name: 'Served', customerName: 'C', budgetHours: 10 } }, token);
      await leader.app.close();
      expect(await job.takeAlone()).toBe(false); // the follower's share, whoever leads the projections now
      const file = join(config.dataDir, 'one.ndjson');
      writeFileSync(file, `${oneEventExportLine}\n`);
      await expect(importCommand(config, file)).rejects.toThrow(/^an API instance is serving this store/);
      await expect(rebuildCommand(config)).rejects.toThrow(/^an API instance is serving this store[^]*nothing was emptied/);
      await follower.app.close();
      expect(await job.takeAlone()).toBe(true);
    } finally {
      await job.release();
      await Promise.all([leader.app.close(), follower.app.close()]); // again after a failed check: Nest closes once
    }
  });

  it('refuses an instance while a job holds the store, in one line naming it, and lets it start once the job ends', async () => {
    const job = storeClaimOf(config);
    expect(await job.takeAlone()).toBe(true);
    try {
      await expect(openEventSourcing(config, LEDGER_PROJECTIONS)).rejects.toThrow(/^An import, migrate or rebuild holds this store/);
      const started = startApiProcess(store.env);
      await expect(started).rejects.toThrow(
        /the API exited at start: An import, migrate or rebuild holds this store \(\w+=[^)]+\): start the API once it has ended\n$/,
      );
    } finally {
      await job.release();
    }
    const api = await startApiProcess(store.env);
    await api.kill();
  }, 90_000); // two API processes started one after the other: seconds each, more on a loaded machine

  it('gives back the lead and the store an import asked for when a leader of older code, holding no share, refuses it', async () => {
    const olderLeader = leadershipOf(config);
    expect(await olderLeader.acquire()).toBe(true);
    const leadership = Object.getPrototypeOf(olderLeader) as ProjectionLeadership;
    const asked = jest.spyOn(leadership, 'acquire');
    const released = jest.spyOn(leadership, 'release');
    try {
      const file = join(config.dataDir, 'one.ndjson');
      writeFileSync(file, `${oneEventExportLine}\n`);
      await expect(importCommand(config, file)).rejects.toThrow(/^an API instance is serving this store/);
      // The import's own leadership, refused, asked with a session of its own (on PostgreSQL), which it ended.
      expect(asked.mock.contexts).toHaveLength(1);
      expect(released.mock.contexts).toHaveLength(1);
      expect(released.mock.contexts[0]).toBe(asked.mock.contexts[0]);
      const job = storeClaimOf(config);
      expect(await job.takeAlone()).toBe(true);
      await job.release();
    } finally {
      jest.restoreAllMocks();
      await olderLeader.release();
    }
  });
});
