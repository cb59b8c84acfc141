import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSourcing, loadConfig } from '@cf/ledger';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';

/** `import` keeps the file's positions only into a store nobody else writes: one an instance serves is refused. */
describe('import refuses a store an instance is serving', () => {
  it('imports nothing while an API serves the empty target; once it stopped, the import runs', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const work = mkdtempSync(join(tmpdir(), 'cf-import-served-'));
    const source = await startPortal({ env: { EVENT_STORE: 'sqlite' } });
    const served = await startPortal({ env: { EVENT_STORE: 'sqlite' } });
    try {
      await source.ok('OpenProject', { input: { name: 'Moving', customerName: 'C', budgetHours: 1 } }, await source.tokenFor('maria'));
      await source.app.close();
      const file = join(work, 'log.ndjson');
      await exportCommand(loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: source.dataDir }), { out: file });
      const target = loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: served.dataDir });
      await expect(importCommand(target, file)).rejects.toThrow(/^an API instance is serving this store/);
      expect(await served.app.get(EventSourcing).store.headPosition()).toBe(0n);
      await served.app.close();
      await importCommand(target, file);
      const imported = await startPortal({ dataDir: served.dataDir, env: { EVENT_STORE: 'sqlite' } });
      expect(await imported.app.get(EventSourcing).store.headPosition()).toBeGreaterThan(0n);
      await imported.app.close();
    } finally {
      jest.restoreAllMocks();
      await source.close();
      await served.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
