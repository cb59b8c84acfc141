import type { DomainEvent } from '@cf/core';

export const PROJECT_ROLES = ['MANAGER', 'DEVELOPER', 'AUDITOR', 'CUSTOMER'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
/** Short alias: the role a user holds in one project. */
export interface Actor {
  readonly userId: string;
  readonly name: string;
}

/** One requirement as it stood (its revision) when a baseline froze it. */
export interface BaselineRequirement {
  readonly requirementId: string;
  readonly key: string;
  readonly revision: number;
  readonly estimateHours: number;
}

export type ProjectOpened = DomainEvent<
  'ProjectOpened',
  {
    projectId: string;
    name: string;
    customerName: string;
    budgetHours: number;
    contactDaysTarget: number;
    openedBy: Actor;
    at: string;
  }
>;

export type MemberAdded = DomainEvent<
  'MemberAdded',
  {
    projectId: string;
    userId: string;
    name: string;
    role: ProjectRole;
    contactId?: string;
    /**
     * The day the member joined (YYYY-MM-DD). Events recorded before members had a join date
     * lack it: readers take the day the event was recorded.
     */
    since?: string;
  }
>;

/** A member leaves the project; `until` is their last day as a member (YYYY-MM-DD). */
export type MemberRemoved = DomainEvent<'MemberRemoved', { projectId: string; userId: string; reason: string; until: string; at: string }>;

/**
 * A change order. Recorded, like BaselineApproved, in the project's budget stream `budget-<id>`
 * (the commitments context decides both there), because everything that moves the budget is
 * decided under that stream's one consistency condition.
 */
export type BudgetChanged = DomainEvent<
  'BudgetChanged',
  {
    projectId: string;
    fromHours: number;
    toHours: number;
    reason: string;
    /** Commitments the change order pays for: they draw on the budget before all others. */
    coversCommitmentIds?: string[];
    /** The customer's contact who signed it (one who can approve scope). */
    countersignedById?: string;
    at: string;
  }
>;

export type BaselineApproved = DomainEvent<
  'BaselineApproved',
  {
    projectId: string;
    baselineId: string;
    name: string;
    approvedBy: Actor;
    countersignedById: string;
    requirements: BaselineRequirement[];
    totalHours: number;
    at: string;
  }
>;

/** The events of the project stream `project-<id>`. */
export type ProjectEvent = ProjectOpened | MemberAdded | MemberRemoved;
/** The project's own events in its budget stream `budget-<id>`. */
export type ProjectBudgetEvent = BudgetChanged | BaselineApproved;
