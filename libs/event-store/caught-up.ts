/**
 * Whether a runner's read models have been current since it started (they only move on from
 * there), and what whoever waits for the last start is told (StartWaiters).
 */
export class CaughtUp {
  private current = false;
  private last: StartWaiters | undefined;

  /** A new start: whoever asks from now on waits for it. */
  started(): StartWaiters {
    this.last = new StartWaiters(() => (this.current = true));
    return this.last;
  }

  get once(): boolean {
    return this.current;
  }

  get promise(): Promise<void> {
    return this.last?.promise ?? Promise.resolve();
  }

  get atLast(): Promise<void> {
    return this.last?.atLast ?? Promise.resolve();
  }
}

/**
 * One start's waiters: settled once the read models are current, or once that start is stopped
 * before they were; rejected once catching up keeps failing, and settled again should a later pass
 * succeed. Each start has its own, so a stop settles only the start it ends.
 */
export class StartWaiters {
  private settle: () => void = () => undefined;
  private refuse: (error: unknown) => void = () => undefined;
  private told = new Promise<void>((resolve, reject) => {
    this.settle = resolve;
    this.refuse = reject;
  });
  private settleAtLast: () => void = () => undefined;
  /** Settled as told is, but never refused: for whoever, told of failures, waits on for a pass that succeeds. */
  readonly atLast = new Promise<void>((resolve) => (this.settleAtLast = resolve));

  constructor(private readonly onReached: () => void) {
    // Nobody need wait (the API's start does not): the loop logs every failure as it tries again.
    this.told.catch(() => undefined);
  }

  get promise(): Promise<void> {
    return this.told;
  }

  reached(): void {
    this.onReached();
    this.settle();
    this.settleAtLast();
    this.told = Promise.resolve();
  }

  /** Catching up keeps failing: waiters hear why, while the loop tries on. */
  failed(error: unknown): void {
    this.refuse(error);
  }

  /** A start stopped before it caught up: its waiters go on, the read models still not current. */
  stopped(): void {
    this.settle();
    this.settleAtLast();
  }
}
