import type { BudgetAtDecision } from './budget.types.js';

export const COMMITMENT_STATUSES = [
  'ACCEPTED',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'DELIVERED',
  'WITHDRAWN',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Open commitments may still be revised or withdrawn. */
export const OPEN_COMMITMENT_STATUSES = ['ACCEPTED', 'PENDING_APPROVAL', 'APPROVED'] as const;
/** No transition leaves these. */
export const FINAL_COMMITMENT_STATUSES = ['DELIVERED', 'REJECTED', 'WITHDRAWN'] as const;
/** Active commitments count in the budget: a promise made is exposure (DELIVERED counts too). */
export const ACTIVE_COMMITMENT_STATUSES = ['ACCEPTED', 'PENDING_APPROVAL', 'APPROVED', 'DELIVERED'] as const;

export const isOpenCommitmentStatus = (status: CommitmentStatus): boolean =>
  (OPEN_COMMITMENT_STATUSES as readonly string[]).includes(status);
export const isFinalCommitmentStatus = (status: CommitmentStatus): boolean =>
  (FINAL_COMMITMENT_STATUSES as readonly string[]).includes(status);
export const isActiveCommitmentStatus = (status: CommitmentStatus): boolean =>
  (ACTIVE_COMMITMENT_STATUSES as readonly string[]).includes(status);

export const PROJECT_MEMBER_ROLES = ['MANAGER', 'DEVELOPER', 'AUDITOR', 'CUSTOMER'] as const;
export type ProjectMemberRole = (typeof PROJECT_MEMBER_ROLES)[number];

export interface Actor {
  userId: string;
  name: string;
}

export interface CommitmentClassification {
  outsideRequirements: boolean;
  outsideBudget: boolean;
  exceedsBudgetByHours: number;
  madeWithoutAuthority: boolean;
  requestedWithoutAuthority: boolean;
  /** One plain sentence per true flag, in the order of the flags above. */
  reasons: string[];
  budgetAtDecision: BudgetAtDecision;
}

export type CommitmentMade = {
  type: 'CommitmentMade';
  data: {
    commitmentId: string;
    projectId: string;
    summary: string;
    madeBy: Actor;
    madeToId: string;
    requestIds: string[];
    requirementIds: string[];
    estimateHours: number;
    dueDate?: string;
    sessionId?: string;
    status: 'ACCEPTED' | 'PENDING_APPROVAL';
    classification: CommitmentClassification;
    at: string;
  };
};

export interface CommitmentRevisionChange {
  field: 'estimateHours' | 'dueDate';
  from: number | string | null;
  to: number | string | null;
}

export type CommitmentRevised = {
  type: 'CommitmentRevised';
  data: {
    commitmentId: string;
    projectId: string;
    revision: number;
    estimateHours: number;
    dueDate?: string;
    changes: CommitmentRevisionChange[];
    reason: string;
    status: 'ACCEPTED' | 'PENDING_APPROVAL';
    classification: CommitmentClassification;
    by: Actor;
    at: string;
  };
};

/** Data of the decisions that only move the status (a type alias, so it fits DomainEvent's Record data). */
export type CommitmentDecisionData = {
  commitmentId: string;
  projectId: string;
  note: string;
  by: Actor;
  at: string;
};

export type CommitmentApproved = { type: 'CommitmentApproved'; data: CommitmentDecisionData };
export type CommitmentRejected = { type: 'CommitmentRejected'; data: CommitmentDecisionData };
export type CommitmentWithdrawn = { type: 'CommitmentWithdrawn'; data: CommitmentDecisionData };
export type CommitmentDelivered = { type: 'CommitmentDelivered'; data: CommitmentDecisionData };

export type CommitmentEvent =
  | CommitmentMade
  | CommitmentRevised
  | CommitmentApproved
  | CommitmentRejected
  | CommitmentWithdrawn
  | CommitmentDelivered;
export type Event = CommitmentEvent;

export const COMMITMENTS_EVENT_TYPES = [
  'CommitmentMade',
  'CommitmentRevised',
  'CommitmentApproved',
  'CommitmentRejected',
  'CommitmentWithdrawn',
  'CommitmentDelivered',
] as const satisfies readonly CommitmentEvent['type'][];
