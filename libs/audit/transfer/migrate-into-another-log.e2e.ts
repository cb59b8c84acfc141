import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LedgerConfig, loadConfig } from '@cf/ledger';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { migrateCommand } from '../../../apps/cli/commands/migrate.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';
import { TEST_DATABASE_URL, dropSchemas } from '../../../test/harness/store-under-test.js';
import { openStoreUrl } from './store-url.js';

const SCHEMA = `cf_migrate_other_log_${process.pid}`;

/** Events and keys a store holds, read through migrate's own store URLs. */
const holdings = async (url: string): Promise<{ head: bigint; keys: number }> => {
  const opened = openStoreUrl(url);
  const keys = await opened.openKeys(false);
  try {
    return { head: await opened.store.headPosition(), keys: (await keys?.entries())?.length ?? 0 };
  } finally {
    await keys?.close();
    await opened.closeStore();
  }
};

/**
 * A one-project import renumbers positions, so its last event is one of the source's (same
 * stream, revision and hash) at another position: the target is another log, not a copy of the
 * source's beginning, and migrate must refuse it before writing events, keys or delivery records.
 */
describe('migrate into a store that holds a one-project import of the source', () => {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const made = mkdtempSync(join(tmpdir(), `cf-other-log-${name}-`));
    dirs.push(made);
    return made;
  };
  const source = dir('source');
  const projectFile = join(dir('export'), 'second.ndjson');
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const portal = await startPortal({ dataDir: source, env: { EVENT_STORE: 'sqlite' } });
    const maria = await portal.tokenFor('maria', 'Maria Manager');
    const open = async (name: string): Promise<string> => {
      const projectId: string = (await portal.ok('OpenProject', { input: { name, customerName: 'C', budgetHours: 10 } }, maria)).openProject
        .project.id;
      const contact = { projectId, name: `${name} Contact`, email: 'c@example.com', role: 'OTHER', canApproveScope: false };
      await portal.ok('RegisterContact', { input: contact }, maria);
      return projectId;
    };
    await open('First');
    const second = await open('Second');
    await portal.app.close();
    await exportCommand(loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: source }), { project: second, out: projectFile });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
  });

  it.each([
    ['sqlite', () => ({ url: `sqlite:${dir('target')}` })],
    ['postgres', () => ({ url: `${TEST_DATABASE_URL}?schema=${SCHEMA}` })],
  ])('refuses it on %s up front, writing nothing', async (kind, target) => {
    const { url } = target();
    const config: LedgerConfig =
      kind === 'sqlite'
        ? loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: url.slice('sqlite:'.length) })
        : loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: SCHEMA, DATA_DIR: dir('pg') });
    await importCommand(config, projectFile);
    const before = await holdings(url);
    expect(before.head).toBeGreaterThan(0n);
    await expect(migrateCommand({ from: `sqlite:${source}`, to: url })).rejects.toThrow(
      /^the target \(--to\) is not empty and is not a copy of the source's beginning \(position 1 differs\)/,
    );
    expect(await holdings(url)).toEqual({ head: before.head, keys: 0 });
    expect(process.exitCode ?? 0).toBe(0);
  });
});
