/**
 * One query of a kind in flight at a time: probes that come while it runs share its answer. The
 * probes are unauthenticated, so a flood of them (or many balancers asking at once) costs the
 * store one query per kind, not one per probe, and leaves its connections to the operations. A
 * query older than `staleAfterMs` (the probes' timeout) is shared no more: one that hangs (a
 * half-open connection) would otherwise fail every later probe until it settled.
 */
export class OneAtATime<T> {
  private pending: Promise<T> | undefined;
  private startedAt = 0;

  constructor(private readonly staleAfterMs: number) {}

  run(query: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (this.pending === undefined || now - this.startedAt >= this.staleAfterMs) {
      const started = query().finally(() => {
        if (this.pending === started) this.pending = undefined;
      });
      this.pending = started;
      this.startedAt = now;
    }
    return this.pending;
  }
}
