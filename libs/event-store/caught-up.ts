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
}

/**
 * One start's waiters: settled once the read models are current, or once that start is stopped
 * before they were. Each start has its own, so a stop settles only the start it ends.
 */
export class StartWaiters {
  private settle: () => void = () => undefined;
  readonly promise = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(private readonly onReached: () => void) {}

  reached(): void {
    this.onReached();
    this.settle();
  }

  /** A start stopped before it caught up: its waiters go on, the read models still not current. */
  stopped(): void {
    this.settle();
  }
}
