import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningUrl } from '../harness/api-process.js';
import { repositoryPath } from '../harness/repository-path.js';

/** The built API started with PORT=0 and `env`, and the URL it says it listens at, once it says so. */
const started = async (dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> => {
  const child = spawn(process.execPath, [repositoryPath('dist/apps/api/main.js')], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', AUTH_JWT_SECRET: 'free-port-secret-free-port-secret-0001', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = listeningUrl(output);
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`the API exited (${code}) before it listened: ${output}`)));
  });
  return { url, child };
};

const stop = async (child: ChildProcess): Promise<void> => {
  const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
  child.kill('SIGTERM');
  await exited;
};

describe('starting the service with PORT=0', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-free-port-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names the port the system picked in the line that says where it listens', async () => {
    const { url, child } = await started(dataDir);
    try {
      expect(url).toMatch(/^http:\/\/localhost:[1-9]\d*$/);
      expect((await fetch(`${url.replace('localhost', '127.0.0.1')}/health/live`)).status).toBe(200);
    } finally {
      await stop(child);
    }
  });

  it('listens on the address HOST names and on no other', async () => {
    const { url, child } = await started(dataDir, { HOST: '127.0.0.2' });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const elsewhere = await fetch(`${url.replace('127.0.0.2', '127.0.0.1')}/health/live`).catch((error: Error) => error);
      expect(elsewhere).toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    } finally {
      await stop(child);
    }
  });
});
