import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openEventSourcing } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../apps/api/ledger-contexts.js';

/**
 * Two instances started at once on a new data directory: one of them died with "database is
 * locked" while both created the read models' tables. They take turns now (a schema lock file).
 */
describe('two starts at once on one new SQLite data directory', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('both open the store and the read models, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'cf-two-starts-'));
      dirs.push(dataDir);
      const config = loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv);
      const opened = await Promise.allSettled([
        openEventSourcing(config, LEDGER_PROJECTIONS),
        openEventSourcing(config, LEDGER_PROJECTIONS),
      ]);
      for (const outcome of opened) if (outcome.status === 'fulfilled') await outcome.value.close();
      expect(opened.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'opened'))).toEqual(['opened', 'opened']);
    }
  });
});
