import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../harness/built-cli.js';
import { oneEventExportLine } from '../harness/one-event-export.js';
import { freshStore } from '../harness/store-under-test.js';

const store = freshStore('refused_export', 'refused-export-secret-refused-export-secret');
const scratch = mkdtempSync(join(tmpdir(), 'cf-refused-export-'));
const cli = (...args: string[]) => runBuiltCli(store.env, ...args);

beforeAll(async () => {
  const anExport = join(scratch, 'one-event.ndjson');
  writeFileSync(anExport, `${oneEventExportLine}\n`);
  expect((await cli('import', anExport)).code).toBe(0); // a log to export: only --out can be refused
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await store.remove();
});

describe(`npm run cli export --out a file it cannot write (${store.kind})`, () => {
  it('an empty name: one line naming --out, and no event on standard output', async () => {
    expect(await cli('export', '--out', '')).toEqual({
      code: 1,
      lines: ['--out: names no file: name one, or give no --out to write to standard output; nothing was exported'],
    });
  });

  it('a directory: one line naming --out, and nothing written in it or beside it', async () => {
    const directory = mkdtempSync(join(scratch, 'out-'));
    const before = readdirSync(scratch);
    expect(await cli('export', '--out', directory)).toEqual({
      code: 1,
      lines: [`--out: ${directory} is a directory: name a file to write; nothing was exported`],
    });
    expect({ inside: readdirSync(directory), beside: readdirSync(scratch) }).toEqual({ inside: [], beside: before });
  });

  it('writes a file it is given', async () => {
    const out = join(scratch, 'written.ndjson');
    expect(await cli('export', '--out', out)).toEqual({ code: 0, lines: expect.arrayContaining([`exported 1 events to ${out}`]) });
  });
});
