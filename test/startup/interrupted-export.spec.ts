import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryPath } from '../harness/repository-path.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-interrupted-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An export's writing as the built CLI does it, stopped part-way: it says when it has begun, then never ends. */
const WRITER = `
  const { writeWholeFile } = await import(${JSON.stringify(repositoryPath('dist/apps/cli/whole-file.js'))});
  await writeWholeFile(process.argv[1], async (out) => {
    out.write('{"position":"1"}\\n');
    console.log('writing');
    await new Promise(() => setInterval(() => undefined, 1_000));
  });
`;

describe('an export interrupted part-way (Ctrl-C, or stopped)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s leaves the file there as it was, and no temporary file', async (signal) => {
    const file = join(dir, `${signal}.ndjson`);
    writeFileSync(file, 'kept\n');
    const writer = spawn(process.execPath, ['--input-type=module', '-e', WRITER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(writer.stdout, 'data');
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(true);
    writer.kill(signal);
    const [, ended] = await once(writer, 'exit');
    expect(ended).toBe(signal);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
