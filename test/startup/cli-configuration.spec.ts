import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@cf/event-store';
import { loadConfig, openEventStore } from '@cf/ledger';
import { runBuiltCli } from '../harness/built-cli.js';
import { oneEventExportLine } from '../harness/one-event-export.js';
import { TEST_DATABASE_URL, dropSchemas, freshStore, schemaExists } from '../harness/store-under-test.js';

const store = freshStore('cli_configuration', 'cli-configuration-secret-cli-configuration');
const scratch = mkdtempSync(join(tmpdir(), 'cf-cli-configuration-'));
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'x');
const anExport = join(scratch, 'one-event.ndjson');
/** A schema no store has: export and rebuild must not make it (dropped afterwards all the same, should they). */
const noSchema = `cf_cli_no_log_${process.pid}`;
writeFileSync(anExport, `${oneEventExportLine}\n`);

/** The built CLI run with the store under test, changed by `env`. */
const cli = (env: Record<string, string>, ...args: string[]) => runBuiltCli({ ...store.env, ...env }, ...args);

/** The commands that open the configured store, each as it is typed. */
const COMMANDS: string[][] = [['export', '--out', join(scratch, 'never-written.ndjson')], ['rebuild'], ['import', anExport], ['seed']];

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await store.remove();
  if (store.kind === 'postgres') await dropSchemas(TEST_DATABASE_URL, [noSchema, `${noSchema}_read`]);
});

const withUrl = (change: (url: URL) => void): string => {
  const url = new URL(TEST_DATABASE_URL);
  change(url);
  return url.toString();
};

const WRONG_SETTINGS: [string, Record<string, string>, RegExp][] = [
  [
    'a file as DATA_DIR',
    { DATA_DIR: aFile },
    new RegExp(`^Invalid configuration: DATA_DIR is not a directory this process can write \\(${aFile}: ENOTDIR\\)$`),
  ],
];
if (store.kind === 'postgres')
  WRONG_SETTINGS.push(
    [
      'a port nothing listens on',
      { DATABASE_URL: withUrl((url) => (url.port = '1')) },
      /^Invalid configuration: DATABASE_URL reaches nothing at 127\.0\.0\.1:1/,
    ],
    [
      'a user that does not exist',
      { DATABASE_URL: withUrl((url) => (url.username = 'no_such_user')) },
      /^Invalid configuration: DATABASE_URL names user "no_such_user"/,
    ],
  );

describe(`npm run cli on a wrong configuration (${store.kind})`, () => {
  const cases = WRONG_SETTINGS.flatMap(([label, env, expected]) => COMMANDS.map((args) => [args[0], label, args, env, expected] as const));

  // Each case is a start of Node that ends at once: two at a time use both cores.
  it.concurrent.each(cases)(
    '%s with %s: one line naming the variable, exit code 1, nothing written',
    async (_command, _label, args, env, expected) => {
      const { code, lines } = await cli(env, ...args);
      expect({ code, lines }).toEqual({ code: 1, lines: [expect.stringMatching(expected)] });
      expect(existsSync(join(scratch, 'never-written.ndjson'))).toBe(false);
    },
  );
});

describe(`npm run cli export and rebuild on a store that holds no log (${store.kind})`, () => {
  const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A mistyped directory, and one that is there but empty: neither is made a store.
  const mistyped = join(scratch, 'dat');
  const empty = mkdtempSync(join(scratch, 'empty-'));
  const out = join(scratch, 'no-log.ndjson');

  const refusals: [string, Record<string, string>, RegExp][] =
    store.kind === 'sqlite'
      ? [mistyped, empty].map((dir) => [
          dir === empty ? 'an empty DATA_DIR' : 'a mistyped DATA_DIR',
          { DATA_DIR: dir },
          new RegExp(`^Invalid configuration: DATA_DIR holds no log \\(.*${escaped(dir)} holds no events\\.sqlite\\)`),
        ])
      : [
          [
            'a DATABASE_SCHEMA that does not exist',
            // A DATA_DIR not there yet: the refused command must not leave it made, empty.
            { DATABASE_SCHEMA: noSchema, DATA_DIR: mistyped },
            new RegExp(
              `^Invalid configuration: DATABASE_SCHEMA names a schema that holds no log \\(.* schema ${noSchema}: it has no events table\\)`,
            ),
          ],
        ];

  it.each(
    refusals.flatMap(([label, env, expected]) =>
      [['export', '--out', out], ['rebuild']].map((args) => [args[0], label, args, env, expected] as const),
    ),
  )('%s on %s is refused, naming the variable, and makes nothing', async (_command, _label, args, env, expected) => {
    const { code, lines } = await cli(env, ...args);
    expect({ code, lines }).toEqual({ code: 1, lines: [expect.stringMatching(expected)] });
    expect({ mistyped: existsSync(mistyped), empty: readdirSync(empty), out: existsSync(out) }).toEqual({
      mistyped: false,
      empty: [],
      out: false,
    });
    if (store.kind === 'postgres') expect(await schemaExists(noSchema)).toBe(false);
  });

  const sqliteOnly = store.kind === 'sqlite' ? it.each : it.skip.each;
  if (store.kind !== 'sqlite') console.log('the events.sqlite without an events table case is skipped: this run is on PostgreSQL');
  sqliteOnly(['export', 'rebuild', 'verify'])(
    '%s on an events.sqlite without an events table is refused and adds none',
    async (command) => {
      const dir = mkdtempSync(join(scratch, 'tableless-'));
      const file = join(dir, 'events.sqlite');
      new Database(file).exec('CREATE TABLE notes (text TEXT)').close();
      const { code, lines } = await cli({ DATA_DIR: dir }, command, ...(command === 'export' ? ['--out', out] : []));
      expect({ code, lines }).toEqual({
        code: 1,
        lines: [expect.stringMatching(/^Invalid configuration: DATA_DIR holds no log \(.*its events\.sqlite has no events table\)/)],
      });
      expect(SqliteEventStore.holdsLog(file)).toBe(false);
      expect(existsSync(out)).toBe(false);
    },
  );

  it("takes a store whose log holds no events yet (as an API's first start leaves it)", async () => {
    const empty = openEventStore(loadConfig(store.env));
    expect(await empty.headPosition()).toBe(0n);
    await empty.close();
    expect(await cli({}, 'export', '--out', out)).toEqual({ code: 0, lines: expect.arrayContaining([`exported 0 events to ${out}`]) });
    expect((await cli({}, 'rebuild')).code).toBe(0);
  });
});
