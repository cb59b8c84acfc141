/**
 * One query of a kind in flight at a time: probes that come while it runs share its answer. The
 * probes are unauthenticated, so a flood of them (or many balancers asking at once) costs the
 * store one query per kind, not one per probe, and leaves its connections to the operations.
 */
export class OneAtATime<T> {
  private pending: Promise<T> | undefined;

  run(query: () => Promise<T>): Promise<T> {
    this.pending ??= query().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }
}
