import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryPath } from '../harness/repository-path.js';
import { TEST_DATABASE_URL, freshStore } from '../harness/store-under-test.js';

const CLI = repositoryPath('dist/apps/cli/main.js');
const store = freshStore('cli_configuration', 'cli-configuration-secret-cli-configuration');
const scratch = mkdtempSync(join(tmpdir(), 'cf-cli-configuration-'));
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'x');
const anExport = join(scratch, 'empty.ndjson');
writeFileSync(anExport, '');

/** The built CLI run with the store under test, changed by `env`: its exit code and every line it printed. */
const cli = (env: Record<string, string>, ...args: string[]): Promise<{ code: number; lines: string[] }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, ...store.env, ...env }, timeout: 25_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, lines: `${stdout}${stderr}`.trim().split('\n') }),
    );
  });

/** The commands that open the configured store, each as it is typed. */
const COMMANDS: string[][] = [['export', '--out', join(scratch, 'never-written.ndjson')], ['rebuild'], ['import', anExport], ['seed']];

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
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await store.remove();
  });

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
