import { builtForNewerCode } from './projection-versions.js';
import type { Projection, ReadModelDb } from './projection.js';
import type { ProjectionLeadership } from './projection-leadership.js';
import { projectionLeadChanged, projectionsGivenUpToNewerCode } from './projection-lead-changed.js';

/** How often a leader with no page to apply asks whether newer code rebuilt a read model. */
const NEWER_CODE_CHECK_MS = 1_000;

/**
 * How long the lead must be seen free before the read models newer code built count as projected
 * by nobody: a newer leader that restarts, or whose lease lapses (10 s on PostgreSQL) and is taken
 * by another newer instance, leaves it free for a moment that is no reason to stop serving.
 */
export const UNLED_FOR_MS = 10_000;

/**
 * This instance's hold on the projections' lead: taken while the lock is free, and given up for
 * good once newer code has built one of the read models (an upgrade under way), so this code is
 * never applied to the newer tables.
 */
export class LeadHold {
  private holding = false;
  private outdated = false;
  private lastAsked = 0;
  private newer: readonly string[] = [];
  /** Since when the lead was seen free, on every ask since, after giving up to newer code. */
  private freeSince: number | undefined;

  constructor(
    private readonly leadership: ProjectionLeadership,
    private readonly db: ReadModelDb,
  ) {}

  get leading(): boolean {
    return this.holding;
  }

  /** Newer code built a read model: this instance applies no more events. */
  get givenUp(): boolean {
    return this.outdated;
  }

  /** Refuses a rebuild once newer code built a read model: this code would replay nothing into it (it leads no more), and build it wrong if it did. */
  requireCurrentCode(): void {
    if (this.outdated) {
      throw new Error(`read models ${this.newer.join(', ')} were built by newer code: rebuild with that code (nothing was emptied)`);
    }
  }

  /** Takes the lead for a job of its own (a rebuild), without asking about newer code. */
  async take(): Promise<boolean> {
    this.holding = await this.leadership.acquire();
    return this.holding;
  }

  /**
   * Leads when the lock is free, unless newer code has built a read model: an instance that just
   * became leader (it followed meanwhile) asks once, so it never applies this code to the newer tables.
   */
  async lead(projections: readonly Projection[]): Promise<boolean> {
    if (this.outdated) return false;
    const was = this.holding;
    const leads = await this.leadership.acquire();
    if (leads && !was) await this.giveUpToNewerCode(projections);
    this.holding = leads && !this.outdated;
    if (this.holding !== was && projectionLeadChanged.hasSubscribers) projectionLeadChanged.publish(this.holding);
    return this.holding;
  }

  /**
   * Newer code rebuilt some of these read models (seen at start, on taking the lead, or as a
   * checkpoint reset under this leader): applying this code to them would build them wrong, so
   * this instance gives the projections up for good and follows. A reset at this code's version
   * is replayed from where it was left.
   */
  async giveUpToNewerCode(projections: readonly Projection[]): Promise<void> {
    const newer = await builtForNewerCode(this.db, projections);
    if (newer.length === 0) return;
    if (projectionsGivenUpToNewerCode.hasSubscribers) projectionsGivenUpToNewerCode.publish(newer);
    else console.error(`read models ${newer.join(', ')} were built by newer code: this instance leads the projections no more`);
    this.newer = newer;
    this.outdated = true;
    this.holding = false;
    await this.leadership.release();
  }

  /**
   * As giveUpToNewerCode, asked by a leader between its pages at most once a NEWER_CODE_CHECK_MS:
   * a quiet log brings it no page whose checkpoint shows the reset, and newer code waiting for the
   * lock would wait for the next write while this one serves the emptied tables.
   */
  async giveUpToNewerCodeNow(projections: readonly Projection[], now = Date.now()): Promise<void> {
    if (now - this.lastAsked < NEWER_CODE_CHECK_MS) return;
    this.lastAsked = now;
    await this.giveUpToNewerCode(projections);
  }

  async release(): Promise<void> {
    await this.leadership.release();
    this.holding = false;
  }

  /**
   * The read models newer code built that no instance projects: given up to newer code, this
   * instance asks whether the lead is free (taken and given back at once: an instance that asks
   * for it meanwhile asks again in a second). Free on every ask for UNLED_FOR_MS, nothing
   * written is projected into them — the newer code stopped and older code runs alone, a rollback
   * not done as README says — and each of this instance's mutations would wait in vain.
   */
  async newerReadModelsNobodyProjects(now = Date.now()): Promise<readonly string[]> {
    if (!this.outdated) return [];
    const free = await this.leadership.isFree();
    this.freeSince = free ? (this.freeSince ?? now) : undefined;
    return this.freeSince !== undefined && now - this.freeSince >= UNLED_FOR_MS ? this.newer : [];
  }
}
