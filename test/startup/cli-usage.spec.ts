import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { jest } from '@jest/globals';
import { promisify } from 'node:util';
import { repositoryPath } from '../harness/repository-path.js';

const run = promisify(execFile);

const SECRET = { AUTH_JWT_SECRET: 'cli-usage-secret-cli-usage-secret-0' };

/** What `npm run cli` answers in this environment, as its exit code and output. */
const cliIn = async (environment: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> => {
  const env: NodeJS.ProcessEnv = { ...process.env, EVENT_STORE: 'sqlite', ...environment };
  if (!environment.AUTH_JWT_SECRET) delete env.AUTH_JWT_SECRET;
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: repositoryPath('.'), env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
};

/** What `npm run cli` answers with a secret of its own, as its exit code and output. */
const cli = (...args: string[]) => cliIn(SECRET, ...args);

// Each case is a start of npm and Node: seconds each on a loaded machine, so more than the 30 s set for all.
jest.setTimeout(90_000);

describe('npm run cli: help and usage errors', () => {
  it('lists every command in its help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['token', 'rebuild', 'schema', 'seed', 'export', 'import', 'migrate', 'verify'])
      expect(out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('names a missing required option, exit code 1', async () => {
    const { code, out } = await cli('token');
    expect(code).toBe(1);
    expect(out).toContain("required option '--user <id>' not specified");
  });

  it('refuses a limit that is not a whole number before touching a store', async () => {
    const { code, out } = await cli('migrate', '--from', 'sqlite:/nonexistent', '--to', 'sqlite:/nonexistent-too', '--limit', 'ten');
    expect(code).toBe(1);
    expect(out).toContain("option '--limit <n>' argument 'ten' is invalid. must be a whole number");
  });

  it('signs a token that lives as long as --expires says', async () => {
    const { code, out } = await cli('token', '--user', 'ada', '--expires', '12h');
    const claims = JSON.parse(Buffer.from(out.trim().split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect({ code, lives: claims.exp - claims.iat }).toEqual({ code: 0, lives: 12 * 3600 });
  });

  it.each(['abc', '-5d', '0d', '1.5h', '30'])(
    'refuses --expires %s, naming the option and what it takes, and signs nothing',
    async (expires) => {
      const { code, out } = await cli('token', '--user', 'ada', '--expires', expires);
      expect(code).toBe(1);
      expect(out).toContain(`option '--expires <duration>' argument '${expires}' is invalid. must be a whole number above 0 and a unit`);
      expect(out).not.toMatch(/^ey/m); // no token printed
    },
  );

  it.each(['2y', '367d'])('refuses --expires %s, longer than the API accepts, and signs nothing', async (expires) => {
    const { code, out } = await cli('token', '--user', 'ada', '--expires', expires);
    expect(code).toBe(1);
    expect(out).toContain(`option '--expires <duration>' argument '${expires}' is invalid. must be at most 366 days`);
    expect(out).not.toMatch(/^ey/m);
  });

  it('makes no secret of its own where DATA_DIR keeps none: the token would be one no API accepts', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cf-token-'));
    for (const dataDir of [join(parent, 'mistyped'), '/proc/cf-nowhere/data']) {
      const { code, out } = await cliIn({ DATA_DIR: dataDir }, 'token', '--user', 'ada');
      expect({ code, said: out.trim() }).toEqual({
        code: 1,
        said: `Invalid configuration: AUTH_JWT_SECRET is not set and ${dataDir}/jwt-secret holds no secret: set it as the API has it, or name in DATA_DIR the directory of an API started without it; no token was made`,
      });
      expect(existsSync(dataDir)).toBe(false);
    }
    rmSync(parent, { recursive: true, force: true });
  });

  it('signs with the secret an API started without AUTH_JWT_SECRET keeps in DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-token-kept-'));
    const kept = 'kept-secret-kept-secret-kept-secret-kept';
    writeFileSync(join(dataDir, 'jwt-secret'), kept);
    const { code, out } = await cliIn({ DATA_DIR: dataDir }, 'token', '--user', 'ada');
    expect(code).toBe(0);
    await expect(jwtVerify(out.trim(), new TextEncoder().encode(kept))).resolves.toMatchObject({ payload: { sub: 'ada' } });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names an unknown command', async () => {
    const { code, out } = await cli('rebiuld');
    expect(code).toBe(1);
    expect(out).toContain("unknown command 'rebiuld'");
  });
});
