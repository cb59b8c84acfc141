import { type ChildProcess, spawn } from 'node:child_process';
import type { GraphQLAnswer } from './portal-harness.js';
import { portalOperation } from './portal-operations.js';
import { repositoryPath } from './repository-path.js';

const MAIN = repositoryPath('dist/apps/api/main.js');

/** The built API (dist/, made by `npm test` and `npm run bench` first) running as a process of its own. */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far, to show when a check fails. */
  errorOutput(): string;
  /** What it wrote to stdout so far (its log lines): kept only when started with `keepOutput`. */
  output(): string;
  /** Its log lines so far, each read as the JSON object it is: kept only when started with `keepOutput`. */
  logLines<Line = Record<string, unknown>>(): Line[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface Health {
  projectionsLedHere: boolean;
  caughtUp: boolean;
  projectionLag: string;
  store: { headPosition: string };
}

/** Where the API says it listens, in its start line ("… at http://localhost:<port>/graphql"); undefined before it says so. */
export const listeningUrl = (output: string): string | undefined => {
  const where = /Customer-contact ledger on .* at (http:\/\/[^/]+)\/graphql/.exec(output);
  return where?.[1];
};

/**
 * The API started on a port the system picks (PORT=0), learnt from its start line: a port probed
 * free here and handed over could be taken in between by another test's API, which would then
 * answer this test's requests (with its own secret and store).
 */
export const startApiProcess = async (
  env: Record<string, string>,
  options: { keepOutput?: boolean; untilCaughtUp?: boolean } = {},
): Promise<ApiProcess> => {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let output = '';
  let url: string | undefined;
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.on('data', (chunk) => {
    // Only what the caller keeps, once the start line is read: a busy API logs every request.
    if (url === undefined || options.keepOutput) output += chunk;
    url ??= listeningUrl(output)?.replace('localhost', '127.0.0.1');
  });
  // A start takes 2–5 s; 45 s only on a machine loaded by other work (a test's own timeout stays the bound).
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited at start: ${stderr}`);
    // Serving: it answers and has caught up with the log since its start (operations are refused before), unless only its probes are awaited.
    const up =
      url !== undefined &&
      (await fetch(`${url}/health`).then(
        async (r) => r.ok && (options.untilCaughtUp === false || ((await r.json()) as Health).caughtUp),
        () => false,
      ));
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // a half-started API would outlive the test and hold its store
      throw new Error(`the API did not start in 45 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!options.keepOutput) output = '';
  return {
    url: url!,
    child,
    errorOutput: () => stderr,
    output: () => output,
    logLines: <Line>() =>
      output
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Line),
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
};

/**
 * The built API started with `env` only (and PATH; PORT 0 unless `env` names one: a machine that
 * already serves on 3000 must not turn a start into "port in use"), waited for until it ends on
 * its own: at most 60 s, as a loaded machine starts Node slowly. Its exit code and stderr.
 */
export const apiRunToItsEnd = (env: Record<string, string>): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });

export const healthOf = async (api: ApiProcess): Promise<Health> => (await (await fetch(`${api.url}/health`)).json()) as Health;

/**
 * Polls /health until every projection has applied the whole log (lag 0) or timeoutMs pass, and
 * returns the last answer for the caller to judge. A negative lag ends the wait at once: the
 * read models hold events the log no longer has, and catching up cannot mend that.
 */
export const waitForProjections = async (api: ApiProcess, timeoutMs = 15_000): Promise<Health> => {
  const deadline = Date.now() + timeoutMs;
  let health = await healthOf(api);
  while (BigInt(health.projectionLag) > 0n && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    health = await healthOf(api);
  }
  return health;
};

/** Sends one portal operation by name over HTTP; rejects when the process does not answer. */
export const sendOperation = async (
  api: ApiProcess,
  operation: string,
  variables: object,
  token: string,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer> => {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: portalOperation(operation), variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
};
