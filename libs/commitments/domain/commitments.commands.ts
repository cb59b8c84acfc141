import type { BudgetInputs } from './budget.types.js';
import type { Actor, ProjectMemberRole } from './commitments.events.js';

/**
 * Commands of the commitments context. Facts from other streams (contacts, requests,
 * requirements, the maker's role, the budget picture) are looked up by the handler and passed
 * in; `null` means the referenced thing does not exist.
 */
interface CommandMeta {
  at: string;
  actor: Actor;
}

export interface MadeToFact {
  id: string;
  projectId: string;
  canApproveScope: boolean;
  name: string;
}

export interface RequestFact {
  id: string;
  projectId: string;
  requestedBy: { id: string; canApproveScope: boolean; name?: string };
}

export interface RequirementFact {
  id: string;
  projectId: string;
}

export type MakeCommitment = CommandMeta & {
  type: 'MakeCommitment';
  commitmentId: string;
  projectId: string;
  summary: string;
  madeToId: string;
  madeTo: MadeToFact | null;
  /** Parallel to `requests`: requests[i] is the fact for requestIds[i]. */
  requestIds: string[];
  requests: (RequestFact | null)[];
  /** Parallel to `requirements`. */
  requirementIds: string[];
  requirements: (RequirementFact | null)[];
  estimateHours: number;
  dueDate?: string;
  sessionId?: string;
  makerRole: ProjectMemberRole;
  /** The budget picture without this commitment. */
  budget: BudgetInputs;
};

export type ApproveCommitment = CommandMeta & {
  type: 'ApproveCommitment';
  commitmentId: string;
  note: string;
  approverRole: ProjectMemberRole;
};

export type RejectCommitment = CommandMeta & {
  type: 'RejectCommitment';
  commitmentId: string;
  note: string;
  approverRole: ProjectMemberRole;
};

export type ReviseCommitment = CommandMeta & {
  type: 'ReviseCommitment';
  commitmentId: string;
  estimateHours?: number;
  dueDate?: string;
  reason: string;
  makerRole: ProjectMemberRole;
  /** The budget picture without this commitment. */
  budget: BudgetInputs;
};

export type WithdrawCommitment = CommandMeta & { type: 'WithdrawCommitment'; commitmentId: string; note: string };
export type DeliverCommitment = CommandMeta & { type: 'DeliverCommitment'; commitmentId: string; note: string };

export type CommitmentCommand =
  | MakeCommitment
  | ApproveCommitment
  | RejectCommitment
  | ReviseCommitment
  | WithdrawCommitment
  | DeliverCommitment;
export type Command = CommitmentCommand;

export const COMMITMENTS_COMMAND_TYPES = [
  'MakeCommitment',
  'ApproveCommitment',
  'RejectCommitment',
  'ReviseCommitment',
  'WithdrawCommitment',
  'DeliverCommitment',
] as const satisfies readonly CommitmentCommand['type'][];
