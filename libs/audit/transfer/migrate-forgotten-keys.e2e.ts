import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamName } from '@cf/core';
import { EventSourcing, type LedgerConfig, loadConfig } from '@cf/ledger';
import { KEY_STORE, type KeyStore } from '@cf/personal-data';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { migrateCommand } from '../../../apps/cli/commands/migrate.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';
import { TEST_DATABASE_URL, dropSchemas } from '../../../test/harness/store-under-test.js';
import { openStoreUrl } from './store-url.js';

const SCHEMA = `cf_migrate_forgotten_${process.pid}`;

const keysIn = async (url: string, subjectIds: string[]): Promise<string[]> => {
  const keys = (await openStoreUrl(url).openKeys(false))!;
  try {
    return [...(await keys.find(subjectIds)).keys()].sort();
  } finally {
    await keys.close();
  }
};

/**
 * A copy made before a contact was forgotten must forget them when migrate resumes: the source
 * destroyed Yara's key (forgetContact), and a crash left Kim's key marked after her
 * ContactForgotten was appended. Neither key may survive in the copy; Lena's stays.
 */
describe('migrate again after contacts were forgotten in the source', () => {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const made = mkdtempSync(join(tmpdir(), `cf-forgotten-${name}-`));
    dirs.push(made);
    return made;
  };
  const source = dir('source');
  const targets = { sqlite: `sqlite:${dir('target')}`, postgres: `${TEST_DATABASE_URL}?schema=${SCHEMA}` };
  const contacts: Record<'yara' | 'kim' | 'lena', string> = { yara: '', kim: '', lena: '' };
  const logged: string[] = [];
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void logged.push(String(line)));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let portal = await startPortal({ dataDir: source, env: { EVENT_STORE: 'sqlite' } });
    const maria = await portal.tokenFor('maria', 'Maria Manager');
    const projectId: string = (await portal.ok('OpenProject', { input: { name: 'P', customerName: 'C', budgetHours: 10 } }, maria))
      .openProject.project.id;
    for (const name of ['yara', 'kim', 'lena'] as const) {
      const input = { projectId, name: `${name} Private`, email: `${name}@example.com`, role: 'OTHER', canApproveScope: false };
      contacts[name] = (await portal.ok('RegisterContact', { input }, maria)).registerContact.contact.id;
    }
    await portal.app.close();
    for (const to of Object.values(targets)) await migrateCommand({ from: `sqlite:${source}`, to });
    for (const to of Object.values(targets)) expect(await keysIn(to, Object.values(contacts))).toHaveLength(3);

    portal = await startPortal({ dataDir: source, env: { EVENT_STORE: 'sqlite' } });
    await portal.ok('ForgetContact', { input: { contactId: contacts.yara, reason: 'erasure' } }, maria);
    // What a crash right after ContactForgotten's append leaves: the event and a marked key.
    await portal.app.get<KeyStore>(KEY_STORE).markForgetting(contacts.kim);
    const at = new Date().toISOString();
    await portal.app.get(EventSourcing).store.append(
      streamName('contact', contacts.kim),
      [
        {
          type: 'ContactForgotten',
          data: { contactId: contacts.kim, projectId, reason: 'erasure', at },
          metadata: { actor: { userId: 'maria', name: 'Maria Manager' }, occurredAt: at, correlationId: 'c-1' },
        },
      ],
      { expectedLastIndex: 0 },
    );
    await portal.app.close();
    expect(await keysIn(`sqlite:${source}`, Object.values(contacts))).toEqual([contacts.kim, contacts.lena].sort());
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
  });

  it.each(['sqlite', 'postgres'] as const)('destroys in the %s copy the keys the source destroyed or is destroying', async (kind) => {
    logged.length = 0;
    const to = targets[kind];
    await migrateCommand({ from: `sqlite:${source}`, to });
    expect(await keysIn(to, Object.values(contacts))).toEqual([contacts.lena]);
    const config: LedgerConfig =
      kind === 'sqlite'
        ? loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: to.slice('sqlite:'.length) })
        : loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: SCHEMA, DATA_DIR: dir('pg') });
    const out = join(dir('unsealed'), 'copy.ndjson');
    await exportCommand(config, { unseal: true, out });
    const unsealed = readFileSync(out, 'utf8');
    expect(unsealed).toContain('lena@example.com');
    for (const forgotten of ['yara Private', 'yara@example.com', 'kim Private', 'kim@example.com'])
      expect(unsealed).not.toContain(forgotten);
    expect(logged.join('\n')).toContain('copied 2 events, resumed after source position');
    expect(logged.join('\n')).toContain('1 personal-data keys (2 destroyed in the target, as in the source)');
    expect(process.exitCode ?? 0).toBe(0);
  });
});
