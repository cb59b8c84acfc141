import type { ApiProcess } from '../harness/api-process.js';
import type { CrashProject, Writer } from './crash-project.js';
import { nextMutation } from './mutation-mix.js';
import { type Random, seededRandom } from './seeded-random.js';
import { type Acknowledged, sendMutation } from './send-mutation.js';

/** Bounds of one round's load, so a round ends even when nothing kills the API. */
export interface LoadLimits {
  mutationsPerWriter: number;
  timeMs: number;
}

export interface LoadOutcome {
  acknowledged: Acknowledged[];
  /** Error codes of refused mutations (conflicts, broken rules) and how often each came. */
  refusals: Record<string, number>;
  /** The first refusal of each code, to say what went wrong. */
  firstRefusals: Record<string, string>;
  /** Writers stopped by a request the API never answered: the process died under them. */
  cutOff: number;
  /** Writers that reached their count or time limit. */
  finished: number;
}

export interface Load {
  /** Resolves once the API has acknowledged a mutation of the load. */
  firstAcknowledged: Promise<void>;
  /** How many writers are still sending. */
  writing(): number;
  outcome: Promise<LoadOutcome>;
}

/** What fetch throws when the process on the other end is gone (refused, reset, closed mid-answer). */
const connectionLost = (error: unknown): boolean => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return (
    (error instanceof TypeError && error.message === 'fetch failed') ||
    ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET'].includes(code ?? '')
  );
};

/** Writers, each an async loop sending its own seeded mix of mutations one after another. */
export const startLoad = (api: ApiProcess, project: CrashProject, writers: Writer[], random: Random, limits: LoadLimits): Load => {
  const outcome: LoadOutcome = { acknowledged: [], refusals: {}, firstRefusals: {}, cutOff: 0, finished: 0 };
  let writing = writers.length;
  let firstAcknowledged = (): void => undefined;
  const first = new Promise<void>((resolve) => (firstAcknowledged = resolve));
  const deadline = Date.now() + limits.timeMs;
  const write = async (writer: Writer, own: Random): Promise<void> => {
    try {
      for (let serial = 1; serial <= limits.mutationsPerWriter && Date.now() < deadline; serial++) {
        const answer = await sendMutation(api, writer, nextMutation(project, writer, own, serial));
        if ('refused' in answer) {
          const { code, detail } = answer.refused;
          outcome.refusals[code] = (outcome.refusals[code] ?? 0) + 1;
          outcome.firstRefusals[code] ??= detail;
        } else {
          outcome.acknowledged.push(answer.acknowledged);
          firstAcknowledged();
        }
      }
      outcome.finished += 1;
    } catch (error) {
      if (!connectionLost(error)) throw error;
      outcome.cutOff += 1;
    } finally {
      writing -= 1;
    }
  };
  // Each writer draws from a generator of its own: its choices do not depend on the interleaving.
  const writes = writers.map((writer) => write(writer, seededRandom(random.int(0, 2 ** 32 - 1))));
  return { firstAcknowledged: first, writing: () => writing, outcome: Promise.all(writes).then(() => outcome) };
};
