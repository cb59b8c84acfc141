import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATABASE_URL } from '../../../test/harness/store-under-test.js';
import { openStoreUrl, requireStoreAt } from './store-url.js';

describe('requireStoreAt (the source of migrate)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-store-url-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a SQLite directory without a store, and creates nothing there', async () => {
    const mistyped = join(dir, 'dat');
    await expect(requireStoreAt(`sqlite:${mistyped}`)).rejects.toThrow(`no store at sqlite:${mistyped}`);
    expect(existsSync(mistyped)).toBe(false);
  });

  it('accepts a SQLite directory that holds a store', async () => {
    const opened = openStoreUrl(`sqlite:${dir}`);
    await opened.store.close();
    await expect(requireStoreAt(`sqlite:${dir}`)).resolves.toBeUndefined();
  });

  it('refuses a PostgreSQL schema without an events table', async () => {
    await expect(requireStoreAt(`${TEST_DATABASE_URL}?schema=cf_no_such_schema_${process.pid}`)).rejects.toThrow(
      /no store at postgres .* schema cf_no_such_schema_\d+: it has no events table/,
    );
  });
});
