import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { migrateCommand } from '../../../apps/cli/commands/migrate.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';
import { describeWithPostgres } from '../../../test/harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../../../test/harness/store-under-test.js';
import { openStoreUrl } from './store-url.js';

const SCHEMA = `cf_migrate_served_${process.pid}`;
const describeIt = await describeWithPostgres('migrate refusals');

/** What `migrate` refuses before copying anything: a store into itself, and a store an instance is serving. */
describeIt('migrate refuses', () => {
  const source = mkdtempSync(join(tmpdir(), 'cf-migrate-refusals-'));
  const target = `${TEST_DATABASE_URL}?schema=${SCHEMA}`;
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const portal = await startPortal({ dataDir: source, env: { EVENT_STORE: 'sqlite' } });
    await portal.ok('OpenProject', { input: { name: 'Moving', customerName: 'C', budgetHours: 1 } }, await portal.tokenFor('maria'));
    await portal.app.close();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    rmSync(source, { recursive: true, force: true });
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`, `${SCHEMA}_x`, `${SCHEMA}_x_read`, `${SCHEMA}_x_read_read`]);
  });

  it("into a schema whose read models would go among another log's tables, which may be copied out of", async () => {
    const logInRead = `${TEST_DATABASE_URL}?schema=${SCHEMA}_x_read`;
    await migrateCommand({ from: `sqlite:${source}`, to: logInRead });
    await expect(migrateCommand({ from: `sqlite:${source}`, to: `${TEST_DATABASE_URL}?schema=${SCHEMA}_x` })).rejects.toThrow(
      /^--to: postgres \S+ schema \w+_x: its read models and webhook delivery record would go to \w+_x_read, which holds another log/,
    );
    await expect(openStoreUrl(`${TEST_DATABASE_URL}?schema=${SCHEMA}_x`).whyUnusable()).resolves.toBeUndefined();
  });

  it('a store it cannot reach, saying which', async () => {
    const nowhere = new URL(TEST_DATABASE_URL);
    nowhere.port = '1';
    const unreachable = `${nowhere.toString()}?schema=${SCHEMA}`;
    await expect(migrateCommand({ from: `sqlite:${source}`, to: unreachable })).rejects.toThrow(
      /^--to: postgres 127\.0\.0\.1:1\S* schema \w+: cannot reach it/,
    );
    await expect(migrateCommand({ from: unreachable, to: `sqlite:${source}` })).rejects.toThrow(
      /^--from: cannot reach postgres 127\.0\.0\.1:1/,
    );
  });

  it('a store into itself', async () => {
    await expect(migrateCommand({ from: `sqlite:${source}`, to: `sqlite:${source}/.` })).rejects.toThrow(/name the same store/);
    const link = join(tmpdir(), `cf-migrate-link-${process.pid}`);
    symlinkSync(source, link);
    try {
      await expect(migrateCommand({ from: `sqlite:${source}`, to: `sqlite:${link}` })).rejects.toThrow(/name the same store/);
    } finally {
      rmSync(link, { force: true });
    }
  });

  it('into a PostgreSQL store an instance is serving, copying nothing; once it stopped, the copy runs', async () => {
    const served = await startPortal({ env: { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: SCHEMA } });
    try {
      await expect(migrateCommand({ from: `sqlite:${source}`, to: target })).rejects.toThrow(/an API instance is serving postgres/);
      const untouched = join(tmpdir(), `cf-migrate-untouched-${process.pid}`);
      await expect(migrateCommand({ from: target, to: `sqlite:${untouched}` })).rejects.toThrow(/an API instance is serving postgres/);
      expect(existsSync(join(untouched, 'events.sqlite'))).toBe(false); // a refusal creates no store
      expect(await served.app.get(EventSourcing).store.headPosition()).toBe(0n);
      // The serving log's read models are no store: a log copied in among them would be taken for one.
      await expect(migrateCommand({ from: `sqlite:${source}`, to: `${target}_read` })).rejects.toThrow(
        /^--to: postgres \S+ schema \w+_read: it holds another log's read models and no log/,
      );
      await expect(openStoreUrl(`${target}_read`).whyUnusable()).resolves.toMatch(/read models/); // still only read models
    } finally {
      await served.app.close();
    }
    try {
      await migrateCommand({ from: `sqlite:${source}`, to: target });
      const copy = openStoreUrl(target).store;
      expect(await copy.headPosition()).toBeGreaterThan(0n);
      await copy.close();
    } finally {
      await served.removeStore(); // closing the app alone leaves its data directory
    }
  });
});

describe('migrate refuses a SQLite directory it cannot use', () => {
  it('one it cannot make, or none named, naming --to and making nothing', async () => {
    const source = mkdtempSync(join(tmpdir(), 'cf-migrate-nowhere-'));
    await new SqliteEventStore({ file: join(source, 'events.sqlite') }).close(); // a log, empty
    try {
      await expect(migrateCommand({ from: `sqlite:${source}`, to: 'sqlite:/proc/cf-nowhere' })).rejects.toThrow(
        /^--to: cannot use sqlite:\/proc\/cf-nowhere \(ENOENT[^)]*\); nothing was copied$/,
      );
      await expect(migrateCommand({ from: `sqlite:${source}`, to: 'sqlite:' })).rejects.toThrow(/^--to: sqlite: names no directory/);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  });
});

describe('migrate refuses a SQLite store an instance is serving', () => {
  it('from the directory an API runs the projections of (its lock file), copying nothing; once it stopped, the copy runs', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const served = await startPortal({ env: { EVENT_STORE: 'sqlite' } });
    const copy = mkdtempSync(join(tmpdir(), 'cf-migrate-served-copy-'));
    try {
      await served.ok('OpenProject', { input: { name: 'Served', customerName: 'C', budgetHours: 1 } }, await served.tokenFor('maria'));
      await expect(migrateCommand({ from: `sqlite:${served.dataDir}`, to: `sqlite:${copy}` })).rejects.toThrow(
        /^an API instance is serving sqlite:/,
      );
      expect(existsSync(join(copy, 'events.sqlite'))).toBe(false);
      await served.app.close();
      await migrateCommand({ from: `sqlite:${served.dataDir}`, to: `sqlite:${copy}` });
      const copied = openStoreUrl(`sqlite:${copy}`).store;
      expect(await copied.headPosition()).toBeGreaterThan(0n);
      await copied.close();
    } finally {
      jest.restoreAllMocks();
      await served.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
