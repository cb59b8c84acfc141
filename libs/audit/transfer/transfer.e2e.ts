import { jest } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RecordedEvent } from '@cf/event-store';
import { type LedgerConfig, loadConfig, openEventStore } from '@cf/ledger';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { migrateCommand } from '../../../apps/cli/commands/migrate.command.js';
import { TEAM } from '../../../apps/cli/seed/demo-people.js';
import { tellDemoStory } from '../../../apps/cli/seed/demo-story.js';
import { SeedClient } from '../../../apps/cli/seed/seed-client.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { openStoreUrl } from './store-url.js';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sqlite = (dataDir: string): LedgerConfig => loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
const allEvents = async (config: LedgerConfig | string): Promise<RecordedEvent[]> => {
  const store = typeof config === 'string' ? openStoreUrl(config).store : openEventStore(config);
  try {
    return await store.readAll({ after: 0n, limit: 100_000, raw: true });
  } finally {
    await store.close();
  }
};
const exported = (events: RecordedEvent[]) =>
  events.map(({ stream, indexInStream: revision, type, schemaVersion, data, metadata, prevHash, hash }) => ({
    stream,
    revision,
    type,
    schemaVersion,
    data,
    metadata,
    prevHash,
    hash,
  }));

describe('export, import and migrate of a seeded project', () => {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const made = mkdtempSync(join(tmpdir(), `cf-${name}-`));
    dirs.push(made);
    return made;
  };
  const seeded = dir('seeded');
  const exportFile = join(dir('export'), 'log.ndjson');
  let source: RecordedEvent[];
  const logged: string[] = [];
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const portal: Portal = await startPortal({ dataDir: seeded, env: { EVENT_STORE: 'sqlite' } });
    const tokens = Object.fromEntries(
      await Promise.all(Object.values(TEAM).map(async (p) => [p.userId, await portal.tokenFor(p.userId, p.name)])),
    );
    await tellDemoStory(new SeedClient(portal.url, tokens));
    await portal.app.close();
    source = await allEvents(sqlite(seeded));
    expect(source.length).toBeGreaterThan(20);
  });
  afterAll(() => {
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('export → import → the same events, hashes included, and the chains verify', async () => {
    const file = exportFile;
    await exportCommand(sqlite(seeded), { out: file });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(source.length);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual([
      'position',
      'stream',
      'revision',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'prevHash',
      'hash',
    ]);
    expect(lines.join('\n')).not.toContain('Erik Enduser');
    const target = sqlite(dir('imported'));
    await importCommand(target, file);
    const imported = await allEvents(target);
    expect(exported(imported)).toEqual(exported(source));
    expect(imported.map((e) => e.position)).toEqual(source.map((e) => e.position));
    await expect(importCommand(target, file)).rejects.toThrow('not empty');
  });

  it('exports one project only with --project, and refuses an altered file without importing anything', async () => {
    const file = join(dir('project'), 'project.ndjson');
    await exportCommand(sqlite(seeded), { project: '01900000-0000-7000-8000-00000000de30', out: file });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(source.length);
    // The id in capitals is the same project, as the API reads it; a name that is no id is refused, not exported empty.
    const capitals = join(dir('capitals'), 'project.ndjson');
    await exportCommand(sqlite(seeded), { project: '01900000-0000-7000-8000-00000000DE30', out: capitals });
    expect(readFileSync(capitals, 'utf8')).toBe(readFileSync(file, 'utf8'));
    await expect(exportCommand(sqlite(seeded), { project: 'nope', out: capitals })).rejects.toThrow(
      '--project must be a project\'s id (a UUID), not "nope"',
    );
    const unknown = join(dir('unknown'), 'unknown.ndjson');
    await expect(exportCommand(sqlite(seeded), { project: '01900000-0000-7000-8000-000000000000', out: unknown })).rejects.toThrow(
      'no events of project 01900000-0000-7000-8000-000000000000',
    );
    expect(existsSync(unknown)).toBe(false);
    // A file already there is kept as it was: the refusal comes after the export began writing.
    writeFileSync(unknown, 'kept\n');
    await expect(exportCommand(sqlite(seeded), { project: '01900000-0000-7000-8000-000000000000', out: unknown })).rejects.toThrow(
      'nothing was exported',
    );
    expect(readFileSync(unknown, 'utf8')).toBe('kept\n');
    expect(readdirSync(dirname(unknown))).toEqual(['unknown.ndjson']);
    await exportCommand(sqlite(seeded), { out: file, unseal: true });
    await expect(importCommand(sqlite(dir('unsealed')), file)).rejects.toThrow(
      'or written with `export --unseal`, whose plaintext the hashes do not cover',
    );
    const good = readFileSync(exportFile, 'utf8').trim().split('\n');
    const target = sqlite(dir('refused'));
    writeFileSync(file, good.map((line, i) => (i === good.length - 1 ? line.replace('"revision":', '"revision":1') : line)).join('\n'));
    await expect(importCommand(target, file)).rejects.toThrow(/refused: the chain of .* is broken/);
    writeFileSync(
      file,
      good.map((line, i) => (i === 3 ? line.replace(/"at":"[^"]+"/, '"at":"2000-01-01T00:00:00.000Z"') : line)).join('\n'),
    );
    await expect(importCommand(target, file)).rejects.toThrow('HASH_MISMATCH');
    expect(await allEvents(target)).toEqual([]);
  });

  it('refuses to migrate a source whose chain is broken, copying nothing: the target would hash the altered event anew', async () => {
    const altered = dir('altered');
    cpSync(seeded, altered, { recursive: true });
    const db = new Database(join(altered, 'events.sqlite'));
    const [, third] = source;
    db.prepare('update events set data = ? where position = ?').run(
      JSON.stringify({ ...third.data, altered: true }),
      Number(third.position),
    );
    db.close();
    const target = join(dir('not-migrated'), 'not', 'there');
    await expect(migrateCommand({ from: `sqlite:${altered}`, to: `sqlite:${target}` })).rejects.toThrow(
      `refused: the chain of ${third.stream} is broken at revision ${third.indexInStream + 1} (its event ${third.indexInStream + 1}, "revision": ${third.indexInStream} in an export and the events table, which count from 0; position ${third.position}, HASH_MISMATCH); nothing was copied`,
    );
    expect(existsSync(dirname(target))).toBe(false); // no store, lock file or directory made where none was
    const empty = dir('empty-target');
    await expect(migrateCommand({ from: `sqlite:${altered}`, to: `sqlite:${empty}` })).rejects.toThrow('HASH_MISMATCH');
    expect(readdirSync(empty)).toEqual([]);
  });

  it.each([
    ['sqlite', () => `sqlite:${dir('migrated')}`],
    ['postgres', () => `${PG_URL}?schema=cf_migrate_${process.pid}`],
  ])('migrates sqlite → %s, resumes after an interruption, copies the keys and verifies', async (kind, targetUrl) => {
    const to = targetUrl();
    await migrateCommand({ from: `sqlite:${seeded}`, to, limit: 10 });
    expect(logged[logged.length - 1]).toBe('stopped after 10 events (--limit); run again to resume');
    expect((await allEvents(to)).length).toBeGreaterThanOrEqual(10);
    await migrateCommand({ from: `sqlite:${seeded}`, to });
    expect(process.exitCode ?? 0).toBe(0);
    expect(logged.join('\n')).toMatch(
      /resumed after source position \d+, 4 personal-data keys and \d+ webhook delivery records[^]*OK: event counts and every stream's last hash match/,
    );
    expect(exported(await allEvents(to))).toEqual(exported(source));
    const env: Record<string, string> =
      kind === 'postgres'
        ? { EVENT_STORE: 'postgres', DATABASE_URL: PG_URL, DATABASE_SCHEMA: `cf_migrate_${process.pid}` }
        : { EVENT_STORE: 'sqlite' };
    const portal = await startPortal({ dataDir: kind === 'sqlite' ? to.slice('sqlite:'.length) : dir('pg'), env });
    const { data } = await portal.graphql(
      '{ contacts(projectId: "01900000-0000-7000-8000-00000000de30") { name email } }',
      {},
      await portal.tokenFor('maria', 'Maria Manager'),
    );
    expect(data!.contacts.map((c: { name: string }) => c.name)).toEqual(['Paula Proxy', 'Sven Decider', 'Erik Enduser', 'Fiona Finance']);
    await portal.close();
  });
});
