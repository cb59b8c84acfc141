/** How long a catch-up works before it pauses, and for how long: about 5 % of a long catch-up. */
const WORK_MS = 200;
const PAUSE_MS = 10;

/**
 * better-sqlite3 answers at once, so a catch-up on SQLite never gives the event loop a turn by
 * itself: one of millions of events would leave HTTP, probes included, unanswered to its end.
 * Between pages, after WORK_MS of work, a pause lets the requests waiting meanwhile through; a
 * request needs a few turns (its connection, its bytes), so a pause, not a single setImmediate.
 */
export class EventLoopTurns {
  private since = performance.now();

  async between(): Promise<void> {
    if (performance.now() - this.since < WORK_MS) return;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    this.since = performance.now();
  }
}
