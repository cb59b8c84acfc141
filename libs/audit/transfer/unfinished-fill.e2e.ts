import { jest } from '@jest/globals';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventStore, RecordedEvent } from '@cf/event-store';
import { type LedgerConfig, leadershipOf, loadConfig, openEventSourcing, openEventStore } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../../apps/api/ledger-contexts.js';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { migrateCommand } from '../../../apps/cli/commands/migrate.command.js';
import { rebuildCommand } from '../../../apps/cli/commands/rebuild.command.js';
import { verifyCommand } from '../../../apps/cli/commands/verify.command.js';
import { apiRunToItsEnd } from '../../../test/harness/api-process.js';
import { startPortal } from '../../../test/harness/portal-harness.js';
import { describeWithPostgres } from '../../../test/harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../../../test/harness/store-under-test.js';
import { importEvents, verifyExport } from './import-events.js';
import { migrateEvents } from './migrate-events.js';
import { openStoreUrl } from './store-url.js';

const SCHEMA = `cf_unfinished_${process.pid}`;
const UNFINISHED = /holds only the beginning of a log: `(import|migrate) [^`]+` began filling it and did not finish/;

const dirs: string[] = [];
const dir = (name: string): string => {
  const made = mkdtempSync(join(tmpdir(), `cf-unfinished-${name}-`));
  dirs.push(made);
  return made;
};

/** The events a store holds, as what makes them the same log: stream, revision and hash, in order. */
const logOf = async (config: LedgerConfig): Promise<string[]> => {
  const store = openEventStore(config);
  try {
    const events: RecordedEvent[] = await store.readAll({ after: 0n, limit: 10_000, raw: true });
    return events.map((e) => `${e.position} ${e.stream}@${e.indexInStream} ${e.hash}`);
  } finally {
    await store.close();
  }
};

/** The store, its appends failing from the `from`th on: an import killed midway, as far as the store can tell. */
const killedAt = (store: EventStore, from: number): EventStore => {
  let appends = 0;
  return new Proxy(store, {
    get: (target, name) => {
      if (name === 'append')
        return (...args: Parameters<EventStore['append']>) =>
          ++appends >= from ? Promise.reject(new Error('killed')) : target.append(...args);
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

/** The built API started on the target, as configured (`npm run build` first). */
const apiOn = (target: LedgerConfig) =>
  apiRunToItsEnd({
    EVENT_STORE: target.eventStore,
    DATA_DIR: target.dataDir,
    AUTH_JWT_SECRET: 'unfinished-fill-secret-unfinished-fill',
    ...(target.eventStore === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: target.databaseSchema } : {}),
  });

/** Nothing serves, exports or verifies the target: the API's start (in one line), rebuild, export and verify all refuse it. */
const expectRefusedEverywhere = async (target: LedgerConfig): Promise<void> => {
  const api = await apiOn(target);
  expect({ code: api.code, lines: api.stderr.trim().split('\n').length }).toEqual({ code: 1, lines: 1 });
  expect(api.stderr).toMatch(UNFINISHED);
  await expect(openEventSourcing(target, LEDGER_PROJECTIONS)).rejects.toThrow(UNFINISHED);
  await expect(rebuildCommand(target)).rejects.toThrow(UNFINISHED);
  // Refused, the rebuild gave back the projections' leadership it took.
  const leadership = leadershipOf(target);
  expect(await leadership.acquire()).toBe(true);
  await leadership.release();
  await expect(verifyCommand(target)).rejects.toThrow(UNFINISHED);
  await expect(exportCommand(target, { out: join(dir('out'), 'log.ndjson') })).rejects.toThrow(UNFINISHED);
};

const unfinishedFills = (store: 'sqlite' | 'postgres', targetOf: (name: string) => LedgerConfig) => {
  const source = dir('source');
  const file = join(dir('export'), 'log.ndjson');
  const sourceConfig = loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: source });
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const portal = await startPortal({ dataDir: source, env: { EVENT_STORE: 'sqlite' } });
    const maria = await portal.tokenFor('maria');
    for (const name of ['One', 'Two', 'Three', 'Four'])
      await portal.ok('OpenProject', { input: { name, customerName: 'C', budgetHours: 10 } }, maria);
    await portal.app.close();
    await exportCommand(sourceConfig, { out: file });
  });
  afterAll(() => jest.restoreAllMocks());

  it(`${store}: an import cut short is refused everywhere until, run again, it goes on where it stopped`, async () => {
    const target = targetOf('import');
    const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    const opened = openEventStore(target);
    await expect(importEvents(killedAt(opened, 3), lines, await verifyExport(lines, file), undefined, `import ${file}`)).rejects.toThrow(
      'killed',
    );
    await opened.close();
    expect((await logOf(target)).length).toBeGreaterThan(0);
    await expectRefusedEverywhere(target);
    await importCommand(target, file);
    expect(await logOf(target)).toEqual(await logOf(sourceConfig));
    const served = await openEventSourcing(target, LEDGER_PROJECTIONS);
    await served.close();
  });

  it(`${store}: a migrate cut short (--limit) is refused everywhere until, run again, it finishes`, async () => {
    const target = targetOf('migrate');
    const to = store === 'sqlite' ? `sqlite:${target.dataDir}` : `${TEST_DATABASE_URL}?schema=${target.databaseSchema}`;
    await migrateCommand({ from: `sqlite:${source}`, to, limit: 2 });
    await expectRefusedEverywhere(target);
    // Every event copied, then cut short before what finishes a migrate (keys, delivery record, comparison).
    const [from, into] = [openStoreUrl(`sqlite:${source}`), openStoreUrl(to)];
    await expect(
      migrateEvents(from.store, () => into.store, { job: 'migrate --from the test', finish: () => Promise.reject(new Error('killed')) }),
    ).rejects.toThrow('killed');
    await Promise.all([from.closeStore(), into.closeStore()]);
    expect(await logOf(target)).toEqual(await logOf(sourceConfig));
    await expectRefusedEverywhere(target);
    await migrateCommand({ from: `sqlite:${source}`, to });
    expect(await logOf(target)).toEqual(await logOf(sourceConfig));
    const served = await openEventSourcing(target, LEDGER_PROJECTIONS);
    await served.close();
  });
};

afterAll(() => {
  for (const made of dirs) rmSync(made, { recursive: true, force: true });
});

describe('an import or migrate that did not finish', () => {
  unfinishedFills('sqlite', (name) => loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: dir(name) }));
});

const describePostgres = await describeWithPostgres('unfinished fills on PostgreSQL');
describePostgres('an import or migrate that did not finish, on PostgreSQL', () => {
  const schemas: string[] = [];
  afterAll(() =>
    dropSchemas(
      TEST_DATABASE_URL,
      schemas.flatMap((schema) => [schema, `${schema}_read`]),
    ),
  );
  unfinishedFills('postgres', (name) => {
    schemas.push(`${SCHEMA}_${name}`);
    return loadConfig({
      EVENT_STORE: 'postgres',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: `${SCHEMA}_${name}`,
      DATA_DIR: dir(name),
    });
  });
});
