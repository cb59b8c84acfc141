import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryPath } from '../harness/repository-path.js';

describe('starting the service with PORT=0', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-free-port-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names the port the system picked in the line that says where it listens', async () => {
    const child = spawn(process.execPath, [repositoryPath('dist/apps/api/main.js')], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', AUTH_JWT_SECRET: 'free-port-secret-free-port-secret-0001' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const where = /Customer-contact ledger on .* at (http:\/\/localhost:\d+)\/graphql/.exec(output);
          if (where) resolve(where[1]);
        });
        child.on('exit', (code) => reject(new Error(`the API exited (${code}) before it listened: ${output}`)));
      });
      expect(url).not.toMatch(/:0$/);
      expect((await fetch(`${url.replace('localhost', '127.0.0.1')}/health/live`)).status).toBe(200);
    } finally {
      const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
      child.kill('SIGTERM');
      await exited;
    }
  });
});
