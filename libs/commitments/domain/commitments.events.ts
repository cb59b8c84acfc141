import type { BudgetAtDecision } from './budget.types.js';

export const COMMITMENT_STATUSES = ['ACCEPTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'DELIVERED', 'WITHDRAWN'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** No transition leaves these. */
export const FINAL_COMMITMENT_STATUSES = ['DELIVERED', 'REJECTED', 'WITHDRAWN'] as const;
/** Active commitments count in the budget: a promise made is exposure (DELIVERED counts too). */
export const ACTIVE_COMMITMENT_STATUSES = ['ACCEPTED', 'PENDING_APPROVAL', 'APPROVED', 'DELIVERED'] as const;

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

/**
 * How a commitment stood against requirements, budget and authority: when it was made
 * (`atDecision`, kept in its events) or today (`current`, derived by the read model).
 */
export interface CommitmentJudgement {
  outsideRequirements: boolean;
  outsideBudget: boolean;
  exceedsBudgetByHours: number;
  madeWithoutAuthority: boolean;
  requestedWithoutAuthority: boolean;
  /** One plain sentence per true flag, in the order of the flags above. */
  reasons: string[];
}

/** A judgement's flags: without its reasons' sentences, which name contacts, nor atDecision's budget figures. */
export type JudgementFlags = Omit<CommitmentJudgement, 'reasons'>;

/** The judgement when made, with the budget numbers it was made on. */
export type CommitmentAtDecision = CommitmentJudgement & { budgetAtDecision: BudgetAtDecision };

/**
 * The events of a project's budget stream `budget-<projectId>` that concern one commitment. The
 * stream holds every decision that draws on the budget (with BudgetChanged and BaselineApproved),
 * so its revision is the one consistency condition those decisions are appended under.
 */
export type CommitmentMade = {
  type: 'CommitmentMade';
  data: {
    commitmentId: string;
    projectId: string;
    summary: string;
    madeBy: Actor;
    /** The maker's role: authority stays the maker's, whoever revises it later. */
    makerRole: ProjectMemberRole;
    madeToId: string;
    /** Whether the contact it was made to could approve scope then: who asked, when no request is linked. */
    madeToCouldApproveScope: boolean;
    requestIds: string[];
    requirementIds: string[];
    estimateHours: number;
    dueDate?: string;
    sessionId?: string;
    status: 'ACCEPTED' | 'PENDING_APPROVAL';
    atDecision: CommitmentAtDecision;
    at: string;
  };
};

export interface CommitmentRevisionChange {
  field: 'estimateHours' | 'dueDate' | 'requirementIds' | 'requestIds';
  from: number | string | string[] | null;
  to: number | string | string[] | null;
}

export type CommitmentRevised = {
  type: 'CommitmentRevised';
  data: {
    commitmentId: string;
    projectId: string;
    /** The commitment's revision after this event (CommitmentMade is revision 1). */
    revision: number;
    estimateHours: number;
    dueDate?: string;
    requirementIds: string[];
    requestIds: string[];
    changes: CommitmentRevisionChange[];
    reason: string;
    status: 'ACCEPTED' | 'PENDING_APPROVAL' | 'APPROVED';
    /** Present when the revision judged again (a raise, or a reviser's step outside): the judgement kept from then on. */
    atDecision?: CommitmentAtDecision;
    /**
     * Present when the revision changed the estimate or the links: its standing today as the
     * revision left it, judged as `current` is (in its place in the draw order), so a relink that
     * takes it outside says so where atDecision, history of the promise as made, does not move.
     * Kept as history of the revision; `current` is derived again as the project changes. Flags
     * only: the reasons' sentences name contacts.
     */
    judgedAtRevision?: JudgementFlags;
    /**
     * The reviser's role, when someone who is not a MANAGER took a commitment that rested on a
     * manager's authority outside requirements or the budget, or a MANAGER one that rested on
     * someone else's: from then on it rests on theirs.
     */
    promisedByReviser?: ProjectMemberRole;
    /**
     * Present when a change order covered the commitment and this revision raised its estimate
     * beyond the hours it was covered at or changed its requirements: the customer paid for it as
     * it was, so from then on it draws in its place as made, like any other (as an approval stands
     * up to the hours approved); a new change order can cover it.
     */
    endsCover?: true;
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
  CommitmentMade | CommitmentRevised | CommitmentApproved | CommitmentRejected | CommitmentWithdrawn | CommitmentDelivered;

/** The status each decision that only moves the status leaves a commitment in. */
export const STATUS_AFTER_DECISION = {
  CommitmentApproved: 'APPROVED',
  CommitmentRejected: 'REJECTED',
  CommitmentWithdrawn: 'WITHDRAWN',
  CommitmentDelivered: 'DELIVERED',
} as const satisfies Record<Exclude<CommitmentEvent, CommitmentMade | CommitmentRevised>['type'], CommitmentStatus>;

export const isCommitmentEvent = (event: { type: string }): event is CommitmentEvent => event.type.startsWith('Commitment');
