import type { Actor, CommitmentAtDecision, CommitmentMade, CommitmentStatus, ProjectMemberRole } from './commitments.events.js';

/** The role a commitment's authority rests on, and whether a revision put it there. */
export interface PromisedBy {
  readonly role: ProjectMemberRole;
  readonly inRevision: boolean;
}

/** One commitment as the budget stream has it. */
export interface CommitmentSlot {
  readonly commitmentId: string;
  readonly projectId: string;
  readonly status: CommitmentStatus;
  readonly estimateHours: number;
  readonly requirementIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly dueDate: string | null;
  readonly madeBy: Actor;
  /** Whose authority it rests on: the maker's, or that of a reviser who took it outside on another authority (CommitmentRevised.promisedByReviser). */
  readonly promisedBy: PromisedBy;
  readonly madeToId: string;
  readonly madeToCouldApproveScope: boolean;
  readonly atDecision: CommitmentAtDecision;
  /** Its events so far (CommitmentMade is 1): the revision the portal sends back. */
  readonly revision: number;
  /** Its place in the order commitments were made (a revision keeps it). */
  readonly order: number;
  /** A change order pays for it: it draws on the budget before the others. */
  readonly covered: boolean;
  /** The hours it had when a change order covered it, while the cover stands. */
  readonly coveredHours: number | null;
  /**
   * The hours a manager approved, while the approval stands on the requirements it was given for:
   * a raise back up to them after a trim widens nothing that was approved.
   */
  readonly approvedHours: number | null;
}

/** The slot a commitment takes when it is made: `order` is its place among the project's commitments. */
export const madeSlot = (d: CommitmentMade['data'], order: number): CommitmentSlot => ({
  commitmentId: d.commitmentId,
  projectId: d.projectId,
  status: d.status,
  estimateHours: d.estimateHours,
  requirementIds: d.requirementIds,
  requestIds: d.requestIds,
  dueDate: d.dueDate ?? null,
  madeBy: d.madeBy,
  promisedBy: { role: d.makerRole, inRevision: false },
  madeToId: d.madeToId,
  madeToCouldApproveScope: d.madeToCouldApproveScope,
  atDecision: d.atDecision,
  revision: 1,
  order,
  covered: false,
  coveredHours: null,
  approvedHours: null,
});
