import type { ApiProcess } from '../harness/api-process.js';
import type { Writer } from './crash-project.js';
import { type LoadLimits, type LoadOutcome, startLoad } from './load.js';
import { setUpRound } from './round-setup.js';
import type { Random } from './seeded-random.js';
import type { Acknowledged } from './send-mutation.js';

export interface KillWindow {
  /** The kill comes this many milliseconds after the load starts, drawn from [fromMs, toMs]. */
  fromMs: number;
  toMs: number;
}

export interface Crash {
  killedAfterMs: number;
  /** Whether the API was still running when it was killed (it did not fall over by itself). */
  aliveAtKill: boolean;
  writersAtKill: number;
  /** Setup and load together: everything this round's API acknowledged before it died. */
  acknowledged: Acknowledged[];
  load: LoadOutcome;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One round: set up a project, start the writers, SIGKILL the API at a random moment once it
 * has acknowledged at least one mutation of the load, and wait for every writer to stop.
 */
export const crashUnderLoad = async (
  api: ApiProcess,
  writers: Writer[],
  random: Random,
  window: KillWindow,
  limits: LoadLimits,
): Promise<Crash> => {
  const setup = await setUpRound(api, writers, random);
  const delay = random.int(window.fromMs, window.toMs);
  const load = startLoad(api, setup.project, writers, random, limits);
  const started = Date.now();
  await Promise.race([Promise.all([sleep(delay), load.firstAcknowledged]), load.outcome]);
  const aliveAtKill = api.child.exitCode === null && api.child.signalCode === null;
  const writersAtKill = load.writing();
  await api.kill('SIGKILL');
  const killedAfterMs = Date.now() - started;
  const outcome = await load.outcome;
  return { killedAfterMs, aliveAtKill, writersAtKill, acknowledged: [...setup.acknowledged, ...outcome.acknowledged], load: outcome };
};
