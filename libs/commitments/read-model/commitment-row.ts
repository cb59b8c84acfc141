import { type Counts, type PageRows, shiftCounters } from '@cf/event-store';
import type { CommitmentJudgement, CommitmentStatus, ProjectMemberRole } from '../domain/commitments.events.js';

/** One commitment as the read model keeps it: as made, and as it stands today (`current_`). */
export interface CommitmentRow {
  id: string;
  project_id: string;
  summary: string;
  status: CommitmentStatus;
  /** 1 while it draws on the budget (not rejected nor withdrawn). */
  active: number;
  estimate_hours: number;
  /** JSON text: string[], in the order linked (the budget spreads hours over them) */
  requirement_ids: string;
  due_date: string | null;
  outside_requirements: number;
  outside_budget: number;
  exceeds_budget_by_hours: number;
  made_without_authority: number;
  requested_without_authority: number;
  /** JSON text: string[] */
  reasons: string;
  current_outside_requirements: number;
  current_outside_budget: number;
  current_exceeds_budget_by_hours: number;
  current_made_without_authority: number;
  current_requested_without_authority: number;
  /** JSON text: string[] */
  current_reasons: string;
  /** JSON text: BudgetAtDecision */
  budget_at_decision: string;
  made_by_id: string;
  made_by_name: string;
  /** The role its authority rests on: the maker's, or a reviser's who is not a manager (PromisedBy in the domain). */
  maker_role: ProjectMemberRole;
  /** 1 when a revision put that role there. */
  promised_in_revision: number;
  made_to_id: string;
  made_to_could_approve_scope: number;
  made_at: string;
  revision: number;
  /** The position of CommitmentMade: the order commitments were made in. */
  seq: number;
  covered: number;
  asked_with_authority: number;
  /** JSON text: string[] (sealed names, as the contacts' events hold them) */
  asker_names: string;
  /**
   * 1 once one of its links turned suspect, until the commitment is revised. Set when a target's
   * change first reaches a link, so the dashboard's figure stays a counter read in one row.
   */
  suspect: number;
}

export const judgementColumns = (j: CommitmentJudgement, prefix: '' | 'current_' = '') => ({
  [`${prefix}outside_requirements`]: j.outsideRequirements ? 1 : 0,
  [`${prefix}outside_budget`]: j.outsideBudget ? 1 : 0,
  [`${prefix}exceeds_budget_by_hours`]: j.exceedsBudgetByHours,
  [`${prefix}made_without_authority`]: j.madeWithoutAuthority ? 1 : 0,
  [`${prefix}requested_without_authority`]: j.requestedWithoutAuthority ? 1 : 0,
  [`${prefix}reasons`]: JSON.stringify(j.reasons),
});

/** No standing: what a commitment that no longer draws on the budget shows for today. */
export const NO_STANDING: CommitmentJudgement = {
  outsideRequirements: false,
  outsideBudget: false,
  exceedsBudgetByHours: 0,
  madeWithoutAuthority: false,
  requestedWithoutAuthority: false,
  reasons: [],
};

/** Counter names of the dashboard's commitment figures (docs/dashboards.md defines each). */
export const COMMITMENT_COUNTER = {
  total: 'total',
  status: (status: string) => `status.${status}`,
  outsideRequirements: 'outsideRequirements',
  outsideBudget: 'outsideBudget',
  madeWithoutAuthority: 'madeWithoutAuthority',
  hoursOutsideBudget: 'hoursOutsideBudget',
  currentlyOutsideBudget: 'currentlyOutsideBudget',
  currentlyOutsideRequirements: 'currentlyOutsideRequirements',
  /**
   * In cents, a whole number: today's standing is judged once per page (standing.apply.ts), a
   * live instance's pages are single events and a replay's thousands, so the same hours are
   * summed in another order; whole numbers sum to the same counter in any order, decimals not.
   */
  currentCentsOutsideBudget: 'currentCentsOutsideBudget',
  awaitingAuthority: 'awaitingAuthority',
  suspect: 'suspect',
} as const;

/**
 * The counters today's standing moves, there from a project's start at 0: judged once per page,
 * a standing that went outside and back within one page moves them on a live instance and not
 * in a replay, which must leave the same rows.
 */
export const STANDING_COUNTERS = [
  COMMITMENT_COUNTER.currentlyOutsideBudget,
  COMMITMENT_COUNTER.currentCentsOutsideBudget,
  COMMITMENT_COUNTER.currentlyOutsideRequirements,
] as const;

/**
 * Every commitment counts in the total and its status; only active ones in the flags and hours.
 * Written key by key: an object spread with computed keys cost twenty times as much, twice per
 * changed commitment.
 */
const countsOf = (row: CommitmentRow | undefined): Counts => {
  const counts: Counts = {};
  if (!row) return counts;
  counts[COMMITMENT_COUNTER.total] = 1;
  counts[COMMITMENT_COUNTER.status(row.status)] = 1;
  if (row.active !== 1) return counts;
  counts[COMMITMENT_COUNTER.outsideRequirements] = row.outside_requirements;
  counts[COMMITMENT_COUNTER.outsideBudget] = row.outside_budget;
  counts[COMMITMENT_COUNTER.madeWithoutAuthority] = row.made_without_authority;
  counts[COMMITMENT_COUNTER.hoursOutsideBudget] = row.exceeds_budget_by_hours;
  counts[COMMITMENT_COUNTER.currentlyOutsideBudget] = row.current_outside_budget;
  counts[COMMITMENT_COUNTER.currentCentsOutsideBudget] = Math.round(row.current_exceeds_budget_by_hours * 100);
  counts[COMMITMENT_COUNTER.currentlyOutsideRequirements] = row.current_outside_requirements;
  // Made without authority and no manager has given it yet (approval is how one does).
  counts[COMMITMENT_COUNTER.awaitingAuthority] = row.made_without_authority === 1 && row.status === 'PENDING_APPROVAL' ? 1 : 0;
  counts[COMMITMENT_COUNTER.suspect] = row.suspect;
  return counts;
};

/** Writes a new or changed row and moves the project's counters with it. */
export const writeCommitmentRow = async (rows: PageRows, before: CommitmentRow | undefined, after: CommitmentRow): Promise<void> => {
  if (before && Object.entries(after).every(([column, value]) => before[column as keyof CommitmentRow] === value)) return;
  rows.put('commitments', after);
  await shiftCounters(rows, 'commitment_counters', after.project_id, countsOf(before), countsOf(after));
};

export const readCommitmentRow = (rows: PageRows, id: string): Promise<CommitmentRow | undefined> =>
  rows.get<CommitmentRow>('commitments', { id });
