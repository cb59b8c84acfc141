import { execFile } from 'node:child_process';
import { repositoryPath } from './repository-path.js';

const CLI = repositoryPath('dist/apps/cli/main.js');

/**
 * The built CLI run with `env` (and PATH) only, as an operator's shell would: its exit code and
 * every line it printed, standard output and error together.
 */
export const runBuiltCli = (env: Record<string, string>, ...args: string[]): Promise<{ code: number; lines: string[] }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 25_000 },
      (error, stdout, stderr) => {
        // A run the timeout killed has no exit code: it must not read as a success (0) or as its output.
        if (error?.killed) return resolve({ code: -1, lines: [`killed by ${error.signal} after 25 s`] });
        resolve({ code: error ? Number(error.code) : 0, lines: `${stdout}${stderr}`.trim().split('\n') });
      },
    );
  });
