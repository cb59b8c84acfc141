/**
 * Whether a runner's read models have been current since it started (they only move on from
 * there), and a promise for whoever waits for it: settled once they are, or once the start is
 * stopped before they were.
 */
export class CaughtUp {
  private current = false;
  private settle: () => void = () => undefined;
  private settled: Promise<void> = Promise.resolve();

  /** A new start: whoever asks from now on waits for it. */
  started(): Promise<void> {
    this.settled = new Promise((resolve) => (this.settle = resolve));
    return this.settled;
  }

  reached(): void {
    this.current = true;
    this.settle();
  }

  /** A start stopped before it caught up: its waiters go on, the read models still not current. */
  stopped(): void {
    this.settle();
  }

  get once(): boolean {
    return this.current;
  }

  get promise(): Promise<void> {
    return this.settled;
  }
}
