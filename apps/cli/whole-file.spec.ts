import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { writeWholeFile } from './whole-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-whole-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kept = (name: string, text = 'kept\n'): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const writeLines = (out: Writable, count: number): void => {
  for (let i = 0; i < count; i += 1) out.write(`line ${i}\n`);
};

describe('a file written whole or not at all', () => {
  it('replaces the file only once the writing has ended', async () => {
    const file = kept('done.txt');
    const written = await writeWholeFile(file, async (out) => {
      writeLines(out, 3);
      expect(readFileSync(file, 'utf8')).toBe('kept\n'); // the old file, whole, while the new one is written
      return 3;
    });
    expect(written).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('line 0\nline 1\nline 2\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the file there as it was, and nothing beside it, when the writing fails part-way', async () => {
    const file = kept('failed.txt');
    const failing = writeWholeFile(file, async (out) => {
      writeLines(out, 10_000);
      throw new Error('refused part-way');
    });
    await expect(failing).rejects.toThrow('refused part-way');
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing where a failed export had no file to replace', async () => {
    const file = join(dir, 'never.txt');
    await expect(writeWholeFile(file, () => Promise.reject(new Error('no events')))).rejects.toThrow('no events');
    expect(readdirSync(dir)).not.toContain('never.txt');
  });

  it('keeps the permissions of the file it replaces, and writes through a symbolic link', async () => {
    const file = kept('private.txt');
    chmodSync(file, 0o600);
    const link = join(dir, 'link.txt');
    symlinkSync(file, link);
    await writeWholeFile(link, async (out) => void out.write('new\n'));
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('names the file it cannot write, not its temporary one', async () => {
    await expect(writeWholeFile(join(dir, 'missing', 'out.txt'), async () => undefined)).rejects.toThrow(
      `cannot write ${join(dir, 'missing', 'out.txt')}: ENOENT`,
    );
  });
});
