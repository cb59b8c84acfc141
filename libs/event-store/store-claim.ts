/**
 * Who uses a store. Every API instance serving it holds a share for as long as it runs; a job
 * that writes the log or rebuilds the read models (import, migrate, rebuild) holds it alone. So a
 * job is refused while any instance serves the store, a follower too (it takes commands without
 * leading the projections, so the projections' leadership alone does not show it), and an
 * instance is refused while a job runs, instead of appending among an import's positions or
 * answering from read models half rebuilt.
 */
export interface StoreClaim {
  /** An instance's share: false while a job holds the store alone. */
  share(): Promise<boolean>;
  /** A job's: false while an instance holds a share, or another job the whole. */
  takeAlone(): Promise<boolean>;
  release(): Promise<void>;
  /** Whether it is held now: a share whose database session was lost is not, until taken again. */
  held(): boolean;
  /**
   * The marks of the token secrets other instances holding a share sign with, where they differ
   * from this one's (given when the claim was made): every instance of a store must accept the
   * tokens any other signed, so a start with another secret is refused (see shareStore).
   */
  otherSecretMarks(): Promise<number[]>;
}

/** The range of a secret's mark: an int4 that is never negative, so the stores keep it as written. */
export const SECRET_MARKS = 0x7fffffff;
