import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, startApiProcess } from '../harness/api-process.js';
import { repositoryPath } from '../harness/repository-path.js';

const scratch = mkdtempSync(join(tmpdir(), 'cf-newcomer-secret-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One process resolving the secret of DATA_DIR at a given moment (busy-waiting for it, so all start together). */
const RESOLVER = `
  const { resolveJwtSecret } = await import(${JSON.stringify(repositoryPath('dist/libs/ledger/auth/jwt-secret.js'))});
  const [dataDir, at] = process.argv.slice(1);
  while (Date.now() < Number(at)) {}
  console.log(JSON.stringify(resolveJwtSecret({ dataDir })));
`;
const resolveAt = (dataDir: string, at: number): Promise<{ secret: string; made: boolean }> =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', RESOLVER, dataDir, String(at)], (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout)),
    ),
  );

describe('the secret made in DATA_DIR when no AUTH_JWT_SECRET is set', () => {
  it('is one secret for processes that start at the same moment (two instances, the API and `cli token`)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const dataDir = join(scratch, `race-${round}`);
      const at = Date.now() + 500; // after every process has loaded the module
      const resolved = await Promise.all(Array.from({ length: 6 }, () => resolveAt(dataDir, at)));
      const kept = readFileSync(join(dataDir, 'jwt-secret'), 'utf8');
      expect({ round, secrets: resolved.map((r) => r.secret), made: resolved.filter((r) => r.made).length }).toEqual({
        round,
        secrets: resolved.map(() => kept),
        made: 1,
      });
      expect(readdirSync(dataDir)).toEqual(['jwt-secret']);
    }
  }, 90_000); // thirty starts of Node: a loaded machine starts each slowly

  it('is said to be made on the start that made it, and kept on every start after', async () => {
    const dataDir = join(scratch, 'api');
    const newcomerLine = async (): Promise<string> => {
      const api: ApiProcess = await startApiProcess({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir }, { keepOutput: true });
      try {
        for (let waited = 0; !api.output().includes('A token for user') && waited < 5_000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        return (
          api
            .output()
            .split('\n')
            .find((line) => line.startsWith('No AUTH_JWT_SECRET set')) ?? api.output()
        );
      } finally {
        await api.kill();
      }
    };
    const secretFile = join(dataDir, 'jwt-secret');
    expect(await newcomerLine()).toBe(`No AUTH_JWT_SECRET set: one was made in ${secretFile}. A token for user "newcomer":`);
    expect(await newcomerLine()).toBe(`No AUTH_JWT_SECRET set: the one kept in ${secretFile} is used. A token for user "newcomer":`);
  }, 120_000); // two starts of the API, each given 45 s
});
