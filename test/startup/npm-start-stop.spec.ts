import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryPath } from '../harness/repository-path.js';

/**
 * `npm start` stopped by a SIGTERM to npm's own pid (what a supervisor or `kill <pid>` sends):
 * the API went on running, re-parented to pid 1, holding its port and the projections' lock,
 * because the shell between npm and node did not pass the signal on. The shell now execs node.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-npm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops the API when npm itself gets SIGTERM', async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: repositoryPath('.'),
      env: { ...process.env, EVENT_STORE: 'sqlite', PORT: '0', DATA_DIR: dataDir, AUTH_JWT_SECRET: 'npm-start-secret-npm-start-secret-01' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${output}`)), 60_000);
      npm.stdout!.on('data', () => {
        const found = /at (http:\/\/localhost:\d+)\/graphql/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
    npm.kill('SIGTERM');
    await exited;
    // Once npm has exited, nothing answers on the port any more.
    const deadline = Date.now() + 10_000;
    let answering = true;
    while (answering && Date.now() < deadline) {
      answering = await fetch(`${url}/health/live`).then(
        () => true,
        () => false,
      );
      if (answering) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answering).toBe(false);
  }, 90_000);
});
