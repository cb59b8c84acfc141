import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config/ledger-config.js';
import { shareStoreToServe } from './share-to-serve.js';

describe('the share an instance serves on, and its token secret', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'cf-share-to-serve-')));
    return dirs.at(-1)!;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('lets newcomers starting at once on one DATA_DIR take turns: one keeps its secret, the others serve with it', async () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    const started = await Promise.all([1, 2, 3].map(() => shareStoreToServe(config)));
    await Promise.all(started.map(({ share }) => share.release()));
    expect(started.filter(({ secret }) => secret.made)).toHaveLength(1);
    expect(new Set(started.map(({ secret }) => secret.secret))).toEqual(
      new Set([readFileSync(join(config.dataDir, 'jwt-secret'), 'utf8')]),
    );
  });

  it('refuses a newcomer while another secret serves, and keeps none for it', async () => {
    const dir = dataDir();
    const serving = await shareStoreToServe(loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: 'a-serving-secret-a-serving-secret-0001' }));
    try {
      await expect(shareStoreToServe(loadConfig({ DATA_DIR: dir }))).rejects.toMatchObject({
        variable: 'AUTH_JWT_SECRET',
        message: expect.stringContaining('is not set, and the secret this instance would make in'),
      });
      expect(existsSync(join(dir, 'jwt-secret'))).toBe(false);
    } finally {
      await serving.share.release();
    }
  });
});
