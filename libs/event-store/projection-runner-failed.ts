import { channel } from 'node:diagnostics_channel';

/**
 * Published when the runner stops on an error (the read models' database gone a moment, a
 * table locked) and tries again in a second: the API writes it as a line of its JSON log. With
 * nobody listening (the CLI) it goes to stderr.
 */
export const projectionRunnerFailed = channel('ledger:projection-runner-failed');
