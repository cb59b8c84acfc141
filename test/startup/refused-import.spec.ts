import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../harness/built-cli.js';
import { oneEventExportLine as firstLine } from '../harness/one-event-export.js';
import { freshStore, schemaExists } from '../harness/store-under-test.js';

const store = freshStore('refused_import', 'refused-import-secret-refused-import-secret');
const scratch = mkdtempSync(join(tmpdir(), 'cf-refused-import-'));
/** A DATA_DIR not made yet, as on a first import: a refused one must leave it so. */
const notYet = join(scratch, 'data');
const cli = (...args: string[]) => runBuiltCli({ ...store.env, DATA_DIR: notYet }, ...args);

const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await store.remove();
});

describe(`npm run cli import of a file it refuses (${store.kind})`, () => {
  const truncated = file('truncated.ndjson', `${firstLine}\n${firstLine.slice(0, 40)}`);
  const tampered = file('tampered.ndjson', `${firstLine.replace('"p1"}', '"p2"}')}\n`);
  const empty = file('empty.ndjson', '');

  it.each([
    ['a truncated file', truncated, `refused: line 2: is not JSON; nothing of ${truncated} was imported`],
    [
      'a broken chain',
      tampered,
      `refused: the chain of project-p1 is broken at revision 1 (its event 1, "revision": 0 in an export and the events table, which count from 0; position 1, HASH_MISMATCH); nothing of ${tampered} was imported (`,
    ],
    ['an empty file', empty, `refused: the file holds no events; nothing of ${empty} was imported`],
  ])('%s: names the file, says nothing was imported, and makes no store', async (_label, path, expected) => {
    const { code, lines } = await cli('import', path);
    expect({ code, lines }).toEqual({ code: 1, lines: [expect.stringContaining(expected)] });
    expect(existsSync(notYet)).toBe(false);
    if (store.kind === 'postgres') expect(await schemaExists(store.env.DATABASE_SCHEMA)).toBe(false);
  });

  it.each([
    ['a directory', scratch, `<file>: ${scratch} is a directory: name an export to import; nothing was imported`],
    [
      'a missing file',
      join(scratch, 'missing.ndjson'),
      `<file>: cannot read ${join(scratch, 'missing.ndjson')} (ENOENT): name an export to import; nothing was imported`,
    ],
  ])('%s: one line naming the argument and what it must be, and makes no store', async (_label, path, expected) => {
    expect(await cli('import', path)).toEqual({ code: 1, lines: [expected] });
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
