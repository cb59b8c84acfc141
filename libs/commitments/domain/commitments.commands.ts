import type { BaselineRequirement } from '@cf/projects';
import type { Actor, ProjectMemberRole } from './commitments.events.js';
import type { ContactFact, RequestFact, RequirementFact, CommitmentFact, SessionFact } from './commitments.facts.js';

/**
 * Commands decided on a project's budget stream. Facts from other streams (contacts, requests,
 * requirements, sessions, the maker's role, the budget the project was opened with) are looked
 * up by the handler and passed in; `null` means the referenced thing does not exist.
 */
interface CommandMeta {
  at: string;
  actor: Actor;
}

/** The budget the project was opened with (ProjectOpened): the budget until a change order. */
interface OnTheBudget {
  openingBudgetHours: number;
}

export type MakeCommitment = CommandMeta &
  OnTheBudget & {
    type: 'MakeCommitment';
    commitmentId: string;
    projectId: string;
    summary: string;
    madeToId: string;
    madeTo: ContactFact | null;
    /** Parallel to `requests`: requests[i] is the fact for requestIds[i]. */
    requestIds: string[];
    requests: (RequestFact | null)[];
    /** Parallel to `requirements`. */
    requirementIds: string[];
    requirements: (RequirementFact | null)[];
    estimateHours: number;
    dueDate?: string;
    sessionId?: string;
    session?: SessionFact | null;
    makerRole: ProjectMemberRole;
  };

export type ReviseCommitment = CommandMeta &
  OnTheBudget & {
    type: 'ReviseCommitment';
    commitmentId: string;
    /** The commitment's revision the sender saw; another one is a CONFLICT. */
    expectedRevision?: number | null;
    estimateHours?: number;
    /** Undefined keeps the due date, null clears it. */
    dueDate?: string | null;
    /** When given, these replace the links (facts parallel, as for MakeCommitment). */
    requirementIds?: string[];
    requirements?: (RequirementFact | null)[];
    requestIds?: string[];
    requests?: (RequestFact | null)[];
    /** The links it keeps where it is not relinked, as they stand now (null: not found). */
    keptRequirements?: (RequirementFact | null)[];
    keptRequests?: (RequestFact | null)[];
    /** The contact it was made to (its name, for the reason when no request is linked). */
    madeTo: ContactFact | null;
    reason: string;
    /** The reviser's role in the project: one who is not a manager does not borrow a manager maker's authority. */
    reviserRole: ProjectMemberRole;
  };

type Decision<Type extends string> = CommandMeta & { type: Type; commitmentId: string; note: string };
export type ApproveCommitment = Decision<'ApproveCommitment'> & { approverRole: ProjectMemberRole };
export type RejectCommitment = Decision<'RejectCommitment'> & { approverRole: ProjectMemberRole };
export type WithdrawCommitment = Decision<'WithdrawCommitment'>;
export type DeliverCommitment = Decision<'DeliverCommitment'>;

/** A change order: a new budget with a reason, possibly paying for named commitments. */
export type ChangeBudget = CommandMeta &
  OnTheBudget & {
    type: 'ChangeBudget';
    projectId: string;
    budgetHours: number;
    reason: string;
    /** The project's revision the sender saw (its own events and those of its budget). */
    expectedRevision?: number | null;
    /** How many events the project stream holds: with the budget's own, the project's revision. */
    projectStreamEvents: number;
    coversCommitmentIds: string[];
    /** Where each covered id is made, as far as the handler found (parallel; null: nowhere): another project's is named as such. */
    covered?: (CommitmentFact | null)[];
    countersignedById?: string;
    countersignedBy?: ContactFact | null;
  };

export type ApproveBaseline = CommandMeta & {
  type: 'ApproveBaseline';
  projectId: string;
  baselineId: string;
  name: string;
  countersignedById: string;
  countersignedBy: ContactFact | null;
  /** The live requirements, each at its current revision, as the handler found them. */
  requirements: readonly BaselineRequirement[];
};

export type BudgetCommand =
  | MakeCommitment
  | ReviseCommitment
  | ApproveCommitment
  | RejectCommitment
  | WithdrawCommitment
  | DeliverCommitment
  | ChangeBudget
  | ApproveBaseline;
