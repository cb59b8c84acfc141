/**
 * Wakes readers waiting for new events. Appends in this process notify at once; appends from
 * other processes (the CLI, another instance) are noticed by polling the head every pollMs.
 */
export class HeadWatcher {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly readHead: () => Promise<bigint>,
    private readonly pollMs = 200,
  ) {}

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async waitBeyond(after: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.readHead()) > after) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.sleepUntilNotified(Math.min(left, this.pollMs));
    }
  }

  private sleepUntilNotified(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}
