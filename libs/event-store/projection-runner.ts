import type { EventStore, RecordedEvent } from './event-store.js';
import { migrateReadModels, resetProjection } from './checkpoints.js';
import { EVENTS_PER_PAGE, applyPage } from './projection-page.js';
import type { Projection, ProjectionObserver, ProjectionStatus, ReadModelDb } from './projection.js';
import { type ProjectionLeadership, soleLeadership } from './projection-leadership.js';
import { LeadHold } from './lead-hold.js';
import { KeptRows } from './kept-rows.js';
import { AppliedPositions } from './applied-positions.js';
import { CaughtUp } from './caught-up.js';
import { RunnerStart } from './runner-start.js';
import { EventLoopTurns } from './event-loop-turns.js';
import { requireLogHoldsReadModels } from './read-models-ahead.js';

/**
 * The one projection runner. It reads the log once per page from the slowest checkpoint and
 * hands each projection the events past its own checkpoint, in one transaction per page (rows
 * and checkpoints of every projection together). `waitFor` lets a mutation answer only after every
 * read model has applied its events.
 */
export class ProjectionRunner {
  private readonly positions: AppliedPositions;
  private readonly hold: LeadHold;
  /** The last start: its loop runs until its stop (RunnerStart). */
  private lastStart: RunnerStart | undefined;
  private readonly caughtUp = new CaughtUp();
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
    this.positions = new AppliedPositions(projections.map((p) => p.name));
    this.kept = new Map(projections.map((p) => [p.name, new KeptRows(p.writtenElsewhere)]));
  }

  /** The projections' lead for a job of its own (a rebuild), not following the log: false while another leads; stop() gives it back. */
  takeLeadership(): Promise<boolean> {
    return this.hold.take();
  }

  /** Whether this instance applies events, or follows another instance's checkpoints. */
  isLeading(): boolean {
    return this.hold.leading;
  }

  /** Read models newer code built and no instance projects (LeadHold): none while this code leads or another instance does. */
  newerReadModelsNobodyProjects(now?: number): Promise<readonly string[]> {
    return this.hold.newerReadModelsNobodyProjects(now);
  }

  async migrate(): Promise<void> {
    await migrateReadModels(this.db, this.projections);
    await this.positions.read(this.db);
    await this.hold.giveUpToNewerCode(this.projections);
  }

  /**
   * Follows the log in the background until stop(). Resolves once the read models are current: a
   * leader at the head (minutes for millions of events), a follower once the leader's checkpoints
   * reach the head it found. An API meanwhile answers its probes and refuses operations.
   */
  start(): Promise<void> {
    if (!this.lastStart?.current) this.lastStart = new RunnerStart((start) => this.pass(start), this.caughtUp.started(), this.lastStart);
    return this.lastStart.caughtUp;
  }

  /** Whether the read models have been current once since this runner started (CaughtUp). */
  hasCaughtUp(): boolean {
    return this.caughtUp.once;
  }

  /** Why the last start's loop fails, until one of its passes succeeds. */
  failure(): Error | undefined {
    return this.lastStart?.lastFailure;
  }

  /** What start() resolves: the read models current since the last start, or that start stopped. */
  whenCaughtUp(): Promise<void> {
    return this.caughtUp.promise;
  }

  /** As whenCaughtUp, but never rejected: it waits on through failing passes for one that succeeds. */
  whenCaughtUpAtLast(): Promise<void> {
    return this.caughtUp.atLast;
  }

  async stop(): Promise<void> {
    const stopped = this.lastStart;
    await stopped?.stop();
    // A start made meanwhile leads on: the lead is given back by its own stop.
    if (this.lastStart === stopped) await this.hold.release();
  }

  status(): ProjectionStatus[] {
    return this.positions.status();
  }

  slowestPosition(): bigint {
    return this.positions.slowest();
  }

  /** Applies every event up to the store's head; returns how many events were read. */
  async catchUp(onProgress?: (position: bigint) => void, start?: RunnerStart): Promise<number> {
    let read = 0;
    const turns = new EventLoopTurns();
    for (;;) {
      // A stop cuts a start's long catch-up short: the rest is left to the next start.
      if (this.hold.givenUp || start?.current === false) return read;
      const page = await this.store.readAll({ after: this.slowestPosition(), limit: this.pageSize });
      if (page.length > 0) {
        await this.applyPage(page);
        if (start) start.lastFailure = undefined; // moving on again: an earlier pass's error is not why it is behind
        read += page.length;
        onProgress?.(page[page.length - 1].position);
      }
      // A short page ended at the head as it was then; what came since, the follower's wait hears.
      if (page.length < this.pageSize) return read;
      await turns.between();
    }
  }

  /** Resolves true once every projection has applied `position`, false after timeoutMs. */
  async waitFor(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.slowestPosition() < position) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (!this.lastStart?.current) await this.catchUp();
      else await this.positions.sleepUntilMoved(left);
    }
    return true;
  }

  /** Empties one projection's tables and checkpoint; the next catch-up replays it from zero. Refused once newer code built a read model. */
  async reset(name: string): Promise<void> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`unknown projection ${name}`);
    this.hold.requireCurrentCode();
    await resetProjection(this.db, projection, await this.store.headPosition());
    this.positions.reset(name);
  }

  /** A leader catches up (a writer's waitFor during a stop still catches up itself) and waits for more; a follower reads the leader's checkpoints. */
  private async pass(start: RunnerStart): Promise<void> {
    // Once a start, leading or following, before its first page or answer: read models past the log's head are not this log's.
    start.logHoldsReadModels ||= (await requireLogHoldsReadModels(this.store, this.positions.known), true);
    if (await this.hold.lead(this.projections)) {
      await this.catchUp(undefined, start);
      start.reached();
      await this.hold.giveUpToNewerCodeNow(this.projections);
      if (this.hold.givenUp) return;
      await this.store.waitForEvents(this.slowestPosition(), 1_000);
    } else {
      // The leader's read models are served as they are: current once they reach the head this start found (a leader rebuilding after an upgrade is far behind).
      start.headFound ??= await this.store.headPosition();
      if (this.slowestPosition() >= start.headFound) start.reached();
      await this.positions.followLeader(this.db);
    }
  }

  private async applyPage(page: RecordedEvent[]): Promise<void> {
    const reached = await applyPage(this.db, this.projections, this.positions.known, page, this.kept);
    const reset = this.positions.foundReset(reached);
    if (reset.length > 0) await this.hold.giveUpToNewerCode(this.projections.filter((p) => reset.includes(p.name)));
    this.positions.reached(page, reached, this.observer);
  }
}
