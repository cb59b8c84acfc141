import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockSqliteFile, lockSqliteFileWithin } from './sqlite-file-lock.js';

describe('a SQLite lock file waited for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-file-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is given once its holder lets it go within the wait', async () => {
    const file = join(dir, 'let-go.lock');
    const holder = lockSqliteFile(file, 'alone')!;
    setTimeout(() => holder.close(), 50);
    const held = await lockSqliteFileWithin(file, 'shared', 2_000, 10);
    expect(held).toBeDefined();
    held?.close();
  });

  it('is not given while its holder keeps it, after asking for the whole wait', async () => {
    const file = join(dir, 'kept.lock');
    const holder = lockSqliteFile(file, 'alone')!;
    try {
      const started = Date.now();
      expect(await lockSqliteFileWithin(file, 'alone', 100, 10)).toBeUndefined();
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    } finally {
      holder.close();
    }
  });
});
