import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';
import { repositoryPath } from '../harness/repository-path.js';

const run = promisify(execFile);

describe('npm run cli', () => {
  it('does not rebuild dist/ when it is newer than every source (it used to delete files under a running server)', async () => {
    const built = repositoryPath('dist/apps/cli/main.js');
    await run('npm', ['run', '--silent', 'build:stale'], { cwd: repositoryPath('.') }); // current from here on
    const before = statSync(built).mtimeMs;
    // `token` only signs; the embedded store keeps it independent of the store the suite runs on.
    const env = { ...process.env, EVENT_STORE: 'sqlite', AUTH_JWT_SECRET: 'cli-build-secret-cli-build-secret-01' };
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'token', '--user', 'ada'], { cwd: repositoryPath('.'), env });
    expect(stdout.trim().split('.')).toHaveLength(3); // a JWT: header.payload.signature
    expect(statSync(built).mtimeMs).toBe(before);
  });
});
