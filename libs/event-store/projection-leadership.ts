/**
 * Who applies events to the read models. With several API instances on one database exactly
 * one may run the projections; the others only follow the checkpoints it writes, and one of
 * them takes over when the leader dies.
 */
export interface ProjectionLeadership {
  /** True while this instance leads; tries to become leader when nobody does. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
  /** Whether no instance holds the lead now, asked without keeping it (a readiness probe asks). */
  isFree(): Promise<boolean>;
}

/** One process per store (SQLite): it always leads. */
export const soleLeadership: ProjectionLeadership = {
  acquire: async () => true,
  release: async () => undefined,
  // Nobody else can hold it: free whenever this process does not lead.
  isFree: async () => true,
};
