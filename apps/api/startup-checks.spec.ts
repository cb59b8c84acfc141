import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@cf/ledger';
import { reachStore } from './startup-checks.js';

describe('reachStore on the embedded store', () => {
  const parent = mkdtempSync(join(tmpdir(), 'cf-reach-'));
  const aFile = join(parent, 'a-file');
  writeFileSync(aFile, 'x');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('makes DATA_DIR and every missing directory above it, and takes it as it is the next time', async () => {
    const dataDir = join(parent, 'a', 'b', 'data');
    // The directories it made, from the top: a start refused after it removes them again.
    expect(await reachStore(loadConfig({ DATA_DIR: dataDir }))).toEqual([join(parent, 'a'), join(parent, 'a', 'b'), dataDir]);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    await expect(reachStore(loadConfig({ DATA_DIR: dataDir }))).resolves.toEqual([]);
  });

  it.each([
    ['a file', aFile],
    ['under a file', join(aFile, 'data')],
  ])('names DATA_DIR when it is %s', async (_label, dataDir) => {
    await expect(reachStore(loadConfig({ DATA_DIR: dataDir }))).rejects.toThrow(
      `Invalid configuration: DATA_DIR is not a directory this process can write (${dataDir}: ENOTDIR)`,
    );
  });
});
