import type { StartWaiters } from './caught-up.js';
import { projectionRunnerFailed } from './projection-runner-failed.js';

/**
 * Passes failed in a row after which a start's waiters are told the error. Three, a second apart,
 * outlast a database restarting or a table locked a moment; an error that comes back every time
 * (a projection refusing an event) then fails `cli seed` or a test's start with its reason instead
 * of leaving it waiting in silence. The loop itself goes on trying.
 */
const FAILED_PASSES_TOLD = 3;

/** One pass of a start's loop (ProjectionRunner's): it tells `start` once the read models are current. */
type Pass = (start: RunnerStart) => Promise<void>;

/**
 * One start of a projection runner: its loop over the log, which goes on until stop(), and its
 * waiters. A start made while a stop is pending begins once the stopped loop has ended, so only
 * one loop ever runs, and the stop acts on its own start alone.
 */
export class RunnerStart {
  private stopping = false;
  private readonly loop: Promise<void>;
  /** The log's head when this start first followed a leader: what the leader's read models must reach. */
  headFound: bigint | undefined;
  /** Whether this start, leading, found the log holding every event its read models applied. */
  logHoldsReadModels = false;
  /** The error of the last pass, until a pass succeeds: why the read models are not current, for the probes. */
  lastFailure: Error | undefined;

  constructor(
    pass: Pass,
    private readonly waiters: StartWaiters,
    after: RunnerStart | undefined,
  ) {
    this.loop = (after?.loop ?? Promise.resolve()).then(() => this.follow(pass));
  }

  /** Until stop(): a pass then ends, and a long catch-up is cut short at a page. */
  get current(): boolean {
    return !this.stopping;
  }

  get caughtUp(): Promise<void> {
    return this.waiters.promise;
  }

  reached(): void {
    if (this.current) this.waiters.reached();
  }

  /** Resolves once the loop has ended; its waiters, if the read models were not current yet, go on. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
    this.waiters.stopped();
  }

  private async follow(pass: Pass): Promise<void> {
    let failed = 0;
    while (this.current) {
      try {
        await pass(this);
        failed = 0;
        this.lastFailure = undefined;
      } catch (error) {
        this.lastFailure = error instanceof Error ? error : new Error(String(error));
        if (++failed === FAILED_PASSES_TOLD) this.waiters.failed(error);
        if (projectionRunnerFailed.hasSubscribers) projectionRunnerFailed.publish(error);
        else console.error('projection runner stopped on an error; retrying in 1 s', error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }
}
