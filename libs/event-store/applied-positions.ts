import type { RecordedEvent } from './event-store.js';
import { readCheckpoints } from './checkpoints.js';
import type { ProjectionObserver, ProjectionStatus, ReadModelDb } from './projection.js';
import { Pause, Sleepers } from './sleepers.js';

const eventsBetween = (page: RecordedEvent[], after: bigint, upTo: bigint): number =>
  page.reduce((count, event) => (event.position > after && event.position <= upTo ? count + 1 : count), 0);

/**
 * Where each projection stands, as this instance last knew it (applied itself, or read from the
 * leader's checkpoints), and the callers sleeping until it moves on. A follower pauses between
 * reads of the leader's checkpoints; a new waiter cuts the pause short.
 */
export class AppliedPositions {
  private readonly positions = new Map<string, bigint>();
  private readonly waiters = new Sleepers();
  private readonly followerPause = new Pause();

  constructor(private readonly names: readonly string[]) {}

  /** Each projection's position, for a page to tell which are behind its last event. */
  get known(): ReadonlyMap<string, bigint> {
    return this.positions;
  }

  of(name: string): bigint {
    return this.positions.get(name) ?? 0n;
  }

  status(): ProjectionStatus[] {
    return this.names.map((name) => ({ name, position: this.of(name) }));
  }

  slowest(): bigint {
    const [first, ...rest] = this.names.map((name) => this.of(name));
    return rest.reduce((min, position) => (position < min ? position : min), first ?? 0n);
  }

  /** Empties a projection's checkpoint, as its reset did. */
  reset(name: string): void {
    this.positions.set(name, 0n);
  }

  /** Takes the checkpoints stored beside the rows (the leader's, or this instance's own at start). */
  async read(db: ReadModelDb): Promise<void> {
    const positions = await readCheckpoints(db, this.names);
    for (const [name, position] of positions) this.positions.set(name, position);
  }

  /** A follower reads the leader's checkpoints: often while someone waits (and soon after a new waiter), else once a second. */
  async followLeader(db: ReadModelDb): Promise<void> {
    await this.read(db);
    this.waiters.wakeAll();
    await this.followerPause.wait(this.waiters.count > 0 ? 50 : 1_000);
  }

  /** Sleeps at most `ms` until the positions move; a follower looks at the leader's soon. */
  async sleepUntilMoved(ms: number): Promise<void> {
    this.followerPause.shorten(20);
    await this.waiters.sleep(ms);
  }

  /** The projections a page found behind what this instance knew: reset by another process meanwhile. */
  foundReset(reached: ReadonlyMap<string, bigint>): string[] {
    // Only a projection this page was for can have been found reset (the others were ahead of it).
    return this.names.filter((name) => {
      const at = reached.get(name);
      return at !== undefined && at < this.of(name);
    });
  }

  /** Moves to what a page reached, tells the observer how many events each applied, and wakes the waiters. */
  reached(page: RecordedEvent[], reached: ReadonlyMap<string, bigint>, observer?: ProjectionObserver): void {
    for (const [name, position] of reached) {
      observer?.applied(name, eventsBetween(page, this.of(name), position));
      this.positions.set(name, position);
    }
    this.waiters.wakeAll();
  }
}
