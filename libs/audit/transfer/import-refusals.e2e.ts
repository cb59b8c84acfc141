import { jest } from '@jest/globals';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSourcing, openEventStore } from '@cf/ledger';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';
import { importEvents, verifyExport } from './import-events.js';

/** `import` keeps the file's positions only into a store nobody else writes: one an instance serves is refused. */
describe('import refuses a store an instance is serving', () => {
  it('imports nothing while an API serves the empty target; once it stopped, the import runs', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const work = mkdtempSync(join(tmpdir(), 'cf-import-served-'));
    // On the store under test: SQLite's lock file in DATA_DIR, or PostgreSQL's advisory lock.
    const source = await startPortal();
    const served = await startPortal();
    try {
      await source.ok('OpenProject', { input: { name: 'Moving', customerName: 'C', budgetHours: 1 } }, await source.tokenFor('maria'));
      await source.app.close();
      const file = join(work, 'log.ndjson');
      await exportCommand(source.config, { out: file });
      await expect(importCommand(served.config, file)).rejects.toThrow(/^an API instance is serving this store/);
      expect(await served.app.get(EventSourcing).store.headPosition()).toBe(0n);
      await served.app.close();
      await importCommand(served.config, file);
      const imported = openEventStore(served.config);
      expect(await imported.headPosition()).toBeGreaterThan(0n);
      await imported.close();
    } finally {
      jest.restoreAllMocks();
      await source.close();
      await served.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** The last check of an import: a copy that does not end as the file does cannot be finished by running it again. */
describe('import whose copy does not end with the file', () => {
  it('says the store stays marked unfinished and where to import instead', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const work = mkdtempSync(join(tmpdir(), 'cf-import-unended-'));
    const source = await startPortal();
    const target = await startPortal();
    try {
      await source.ok('OpenProject', { input: { name: 'Moving', customerName: 'C', budgetHours: 1 } }, await source.tokenFor('maria'));
      await Promise.all([source.app.close(), target.app.close()]);
      const file = join(work, 'log.ndjson');
      await exportCommand(source.config, { out: file });
      const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const verified = await verifyExport(lines, file);
      // What the store holds at the end is checked against these: one is made to differ.
      const [stream, tail] = [...verified.tails][0];
      const tails = new Map(verified.tails).set(stream, { ...tail, hash: 'another' });
      const store = openEventStore(target.config);
      try {
        await expect(importEvents(store, lines, { ...verified, tails }, undefined, `import ${file}`)).rejects.toThrow(
          `${stream}: the store does not end with the file's last hash: it stays marked unfinished, and this file cannot finish it; import into an empty store (another DATA_DIR or DATABASE_SCHEMA)`,
        );
        expect(await store.unfinishedFill()).toBe(`import ${file}`);
      } finally {
        await store.close();
      }
    } finally {
      jest.restoreAllMocks();
      await source.close();
      await target.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
