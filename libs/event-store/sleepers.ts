/**
 * Callers sleeping until something they wait for may have happened: woken all at once by
 * `wakeAll`, or each after its own time. They look again when they wake; a wake-up is a hint.
 */
export class Sleepers {
  private readonly waiting = new Set<() => void>();

  get count(): number {
    return this.waiting.size;
  }

  wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }
}

/** One pause at a time that another caller may cut short: it then ends `soon` ms later. */
export class Pause {
  private cut: ((soon: number) => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = (): void => {
        this.cut = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.cut = (soon) => {
        clearTimeout(timer);
        this.cut = undefined;
        setTimeout(resolve, soon);
      };
    });
  }

  shorten(soon: number): void {
    this.cut?.(soon);
  }
}
