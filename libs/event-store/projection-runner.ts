import type { EventStore, RecordedEvent } from './event-store.js';
import { migrateCheckpoints, readCheckpoints, resetProjection, seedCheckpoints } from './checkpoints.js';
import { EVENTS_PER_PAGE, applyPage } from './projection-page.js';
import { rebuildOutdatedProjections } from './projection-versions.js';
import type { Projection, ProjectionObserver, ProjectionStatus, ReadModelDb } from './projection.js';
import { type ProjectionLeadership, soleLeadership } from './projection-leadership.js';
import { LeadHold } from './lead-hold.js';
import { Pause, Sleepers } from './sleepers.js';
import { KeptRows } from './kept-rows.js';

const eventsBetween = (page: RecordedEvent[], after: bigint, upTo: bigint): number =>
  page.reduce((count, event) => (event.position > after && event.position <= upTo ? count + 1 : count), 0);

/**
 * The one projection runner. It reads the log once per page from the slowest checkpoint and
 * hands each projection the events past its own checkpoint, in one transaction per page (rows
 * and checkpoints of every projection together). `waitFor` lets a mutation answer only after every
 * read model has applied its events.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, bigint>();
  private readonly waiters = new Sleepers();
  private running = false;
  private readonly hold: LeadHold;
  private loop: Promise<void> | undefined;
  private readonly followerPause = new Pause();
  /** Each projection's rows kept between its pages (KeptRows). */
  private readonly kept: ReadonlyMap<string, KeptRows>;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    readonly projections: readonly Projection[],
    private readonly pageSize = EVENTS_PER_PAGE,
    leadership: ProjectionLeadership = soleLeadership,
    private readonly observer?: ProjectionObserver,
  ) {
    this.hold = new LeadHold(leadership, db);
    this.kept = new Map(projections.map((p) => [p.name, new KeptRows(p.writtenElsewhere)]));
  }

  /**
   * Takes the projections' leadership for a job of its own (a rebuild) without following the
   * log: false while another process leads them. stop() gives it back.
   */
  takeLeadership(): Promise<boolean> {
    return this.hold.take();
  }

  /** Whether this instance applies events, or follows another instance's checkpoints. */
  isLeading(): boolean {
    return this.hold.leading;
  }

  async migrate(): Promise<void> {
    await migrateCheckpoints(this.db);
    await rebuildOutdatedProjections(this.db, this.projections);
    // After the rebuild's reset, which drops an outdated projection's row: a page always has one to lock.
    await seedCheckpoints(
      this.db,
      this.projections.map((p) => p.name),
    );
    for (const projection of this.projections) await projection.migrate(this.db);
    await this.readCheckpoints();
    await this.hold.giveUpToNewerCode(this.projections);
  }

  /**
   * Starts following the log in the background until stop(). A leader first catches up, so
   * the instance answers from current read models as soon as it is started.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (await this.hold.lead(this.projections)) await this.catchUp();
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.hold.release();
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => ({ name: p.name, position: this.checkpoints.get(p.name) ?? 0n }));
  }

  slowestPosition(): bigint {
    return this.status().reduce((min, s) => (s.position < min ? s.position : min), this.status()[0]?.position ?? 0n);
  }

  /** Applies every event up to the store's head; returns how many events were read. */
  async catchUp(onProgress?: (position: bigint) => void): Promise<number> {
    let read = 0;
    for (;;) {
      if (this.hold.givenUp) return read;
      const page = await this.store.readAll({ after: this.slowestPosition(), limit: this.pageSize });
      if (page.length > 0) {
        await this.applyPage(page);
        read += page.length;
        onProgress?.(page[page.length - 1].position);
      }
      // A short page ended at the head as it was then; what came since, the follower's wait hears.
      if (page.length < this.pageSize) return read;
    }
  }

  /** Resolves true once every projection has applied `position`, false after timeoutMs. */
  async waitFor(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.slowestPosition() < position) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (!this.running) await this.catchUp();
      else {
        this.followerPause.shorten(20);
        await this.waiters.sleep(left);
      }
    }
    return true;
  }

  /** Empties one projection's tables and checkpoint; the next catch-up replays it from zero. */
  async reset(name: string): Promise<void> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`unknown projection ${name}`);
    await resetProjection(this.db, projection);
    this.checkpoints.set(name, 0n);
  }

  private async follow(): Promise<void> {
    while (this.running) {
      try {
        if (await this.hold.lead(this.projections)) {
          await this.catchUp();
          await this.store.waitForEvents(this.slowestPosition(), 1_000);
        } else {
          await this.followLeader();
        }
      } catch (error) {
        console.error('projection runner stopped on an error; retrying in 1 s', error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** A follower reads the leader's checkpoints: often while someone waits (and soon after a new waiter), else once a second. */
  private async followLeader(): Promise<void> {
    await this.readCheckpoints();
    this.waiters.wakeAll();
    await this.followerPause.wait(this.waiters.count > 0 ? 50 : 1_000);
  }

  private async readCheckpoints(): Promise<void> {
    const positions = await readCheckpoints(
      this.db,
      this.projections.map((p) => p.name),
    );
    for (const [name, position] of positions) this.checkpoints.set(name, position);
  }

  private async applyPage(page: RecordedEvent[]): Promise<void> {
    const reached = await applyPage(this.db, this.projections, this.checkpoints, page, this.kept);
    // Only a projection this page was for can have been found reset (the others were ahead of it).
    const reset = this.projections.filter((p) => {
      const at = reached.get(p.name);
      return at !== undefined && at < (this.checkpoints.get(p.name) ?? 0n);
    });
    if (reset.length > 0) await this.hold.giveUpToNewerCode(reset);
    for (const [name, position] of reached) {
      this.observer?.applied(name, eventsBetween(page, this.checkpoints.get(name) ?? 0n, position));
      this.checkpoints.set(name, position);
    }
    this.waiters.wakeAll();
  }
}
