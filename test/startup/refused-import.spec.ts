import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { GENESIS_HASH, chainHash } from '@cf/event-store';
import { repositoryPath } from '../harness/repository-path.js';
import { TEST_DATABASE_URL, freshStore } from '../harness/store-under-test.js';

const CLI = repositoryPath('dist/apps/cli/main.js');
const store = freshStore('refused_import', 'refused-import-secret-refused-import-secret');
const scratch = mkdtempSync(join(tmpdir(), 'cf-refused-import-'));
/** A DATA_DIR not made yet, as on a first import: a refused one must leave it so. */
const notYet = join(scratch, 'data');

const opened = { stream: 'project-p1', revision: 0, type: 'ProjectOpened', schemaVersion: 1, data: { projectId: 'p1' } };
const metadata = { actor: { userId: 'ada', name: 'Ada' }, occurredAt: '2024-01-01T00:00:00.000Z', correlationId: 'c1' };
const firstLine = JSON.stringify({
  position: '1',
  ...opened,
  metadata,
  prevHash: GENESIS_HASH,
  hash: chainHash({ ...opened, metadata }, GENESIS_HASH),
});

const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const cli = (...args: string[]): Promise<{ code: number; lines: string[] }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, ...store.env, DATA_DIR: notYet }, timeout: 25_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, lines: `${stdout}${stderr}`.trim().split('\n') }),
    );
  });

const schemaExists = async (schema: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT to_regnamespace($1) IS NOT NULL AS found', [schema])).rows[0].found as boolean;
  } finally {
    await client.end();
  }
};

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await store.remove();
});

describe(`npm run cli import of a file it refuses (${store.kind})`, () => {
  const truncated = file('truncated.ndjson', `${firstLine}\n${firstLine.slice(0, 40)}`);
  const tampered = file('tampered.ndjson', `${firstLine.replace('"p1"}', '"p2"}')}\n`);

  it.each([
    ['a truncated file', truncated, `refused: line 2: is not JSON; nothing of ${truncated} was imported`],
    [
      'a broken chain',
      tampered,
      `refused: the chain of project-p1 is broken at revision 1 (position 1, HASH_MISMATCH); nothing of ${tampered} was imported (`,
    ],
  ])('%s: names the file, says nothing was imported, and makes no store', async (_label, path, expected) => {
    const { code, lines } = await cli('import', path);
    expect({ code, lines }).toEqual({ code: 1, lines: [expect.stringContaining(expected)] });
    expect(existsSync(notYet)).toBe(false);
    if (store.kind === 'postgres') expect(await schemaExists(store.env.DATABASE_SCHEMA)).toBe(false);
  });

  it('leaves nothing export or rebuild would take for a log', async () => {
    await cli('import', truncated);
    expect(await cli('export')).toEqual({ code: 1, lines: [expect.stringMatching(/^Invalid configuration: DATA.* holds no log/)] });
  });

  it('imports the file once it is whole', async () => {
    const whole = file('whole.ndjson', `${firstLine}\n`);
    expect(await cli('import', whole)).toEqual({ code: 0, lines: expect.arrayContaining([expect.stringMatching(/^imported 1 events/)]) });
  });
});
