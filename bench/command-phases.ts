import type { EventSourcing } from '@cf/ledger';

/** Milliseconds the commands spent appending and waiting for the read models, since the last reset. */
export interface CommandPhases {
  appendMs: number;
  projectionWaitMs: number;
  reset(): void;
}

const timed = <A extends unknown[], R>(call: (...args: A) => Promise<R>, add: (ms: number) => void) => {
  return async (...args: A): Promise<R> => {
    const started = performance.now();
    try {
      return await call(...args);
    } finally {
      add(performance.now() - started);
    }
  };
};

/**
 * Times two steps of every command the ledger runs — the append, and the wait until the read
 * models have applied it — so a command's cost can be told apart: what is left of it is the
 * input's validation, the reads of access and facts, the stream read and the decision.
 */
export const timeCommandPhases = (eventSourcing: EventSourcing): CommandPhases => {
  const phases: CommandPhases = {
    appendMs: 0,
    projectionWaitMs: 0,
    reset() {
      phases.appendMs = 0;
      phases.projectionWaitMs = 0;
    },
  };
  const { store, runner } = eventSourcing;
  store.append = timed(store.append.bind(store), (ms) => (phases.appendMs += ms));
  runner.waitFor = timed(runner.waitFor.bind(runner), (ms) => (phases.projectionWaitMs += ms));
  return phases;
};
