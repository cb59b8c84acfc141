import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, shareStoreToServe, signToken } from '@cf/ledger';
import { createApp } from '../../apps/api/bootstrap.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

/**
 * The secret an instance showed with its share (and so was compared with the serving instances')
 * is the one it signs and checks tokens with: the kept file is not read again as the app is built.
 */
const PROJECTS = '{ projects(first: 1) { totalCount } }';

describe('the token secret an instance serves with', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-served-secret-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is the one its share showed, even when the kept file changed in between', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    const served = await shareStoreToServe(config);
    expect(served.secret.made).toBe(true);
    const rewritten = 'a-secret-written-after-the-share-was-taken';
    writeFileSync(join(dataDir, 'jwt-secret'), rewritten);
    const app = await createApp(config, { logger: false, served });
    try {
      await app.listen(0, '127.0.0.1');
      const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
      const projectsWith = async (secret: string) => {
        const token = await signToken(secret, { userId: 'newcomer', name: 'Newcomer' });
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: PROJECTS }),
        });
        return (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
      };
      expect(await projectsWith(served.secret.secret)).toEqual({ data: { projects: { totalCount: 0 } } });
      expect((await projectsWith(rewritten)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      // Over graphql-ws too: one instance, one secret, whichever transport a token comes by.
      const overSocketWith = async (secret: string) =>
        overWebSocket(url, PROJECTS, {}, await signToken(secret, { userId: 'newcomer', name: 'Newcomer' }));
      expect((await overSocketWith(served.secret.secret)).data).toEqual({ projects: { totalCount: 0 } });
      expect((await overSocketWith(rewritten)).closed?.code).toBe(4403);
    } finally {
      await app.close();
    }
  });
});
