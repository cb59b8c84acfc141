import { NO_EXPOSURE, drawOf } from './budget.js';
import { ExposureTally } from './exposure-tally.js';
import { type BudgetState, type CommitmentSlot, drawOfSlot } from './budget.state.js';
import type { BudgetBaseline, Exposure } from './budget.types.js';
import { type CommitmentJudgement, type ProjectMemberRole, isActiveCommitmentStatus } from './commitments.events.js';
import { type Asked, judge } from './commitments.judgement.js';

/** An active commitment as today's standing needs it. */
export interface StandingCandidate {
  commitmentId: string;
  estimateHours: number;
  requirementIds: readonly string[];
  /** The role its authority rests on (PromisedBy), and whether a revision put it there. */
  makerRole: ProjectMemberRole;
  promisedInRevision?: boolean;
  asked: Asked;
}

/**
 * The draw order of today's standing: the commitments a change order covers first (the customer
 * paid for them), then the rest; each group in the order the commitments were made.
 */
export const drawsBefore = (a: { covered: boolean; order: number }, b: { covered: boolean; order: number }): number =>
  a.covered === b.covered ? a.order - b.order : a.covered ? -1 : 1;

/**
 * Today's standing of commitments in draw order, each judged on what those before it draw: the
 * rules of the judgement when made, against today's budget, baseline, links and askers.
 * `start` is what the commitments before the first of them draw (none when they are all).
 */
export const standingsInOrder = (
  ordered: readonly StandingCandidate[],
  budgetHours: number,
  baseline: BudgetBaseline | null,
  start: Exposure = NO_EXPOSURE,
): { standings: Map<string, CommitmentJudgement>; exposure: Exposure } => {
  const standings = new Map<string, CommitmentJudgement>();
  const exposure = new ExposureTally(start);
  for (const c of ordered) {
    const { budgetAtDecision: _numbers, ...standing } = judge({
      candidate: c,
      before: exposure,
      budgetHours,
      baseline,
      makerRole: c.makerRole,
      promisedInRevision: c.promisedInRevision,
      asked: c.asked,
    });
    standings.set(c.commitmentId, standing);
    exposure.add(drawOf(c, baseline));
  }
  return { standings, exposure };
};

/**
 * What the active commitments drawn before `slot` draw today (drawsBefore): a revision's standing
 * is judged in its commitment's place, as `current` judges it, not as if it were made last.
 */
export const exposureBefore = (state: BudgetState, slot: CommitmentSlot): Exposure => {
  const exposure = new ExposureTally();
  for (const other of state.commitments.values()) {
    if (other.commitmentId === slot.commitmentId || !isActiveCommitmentStatus(other.status) || drawsBefore(other, slot) > 0) continue;
    exposure.add(drawOfSlot(other, state.baseline));
  }
  return exposure;
};

/** What every active commitment draws today, but the one `except` names: a raise is judged after all of them. */
export const exposureOfActive = (state: BudgetState, except?: string): Exposure => {
  const exposure = new ExposureTally();
  for (const slot of state.commitments.values())
    if (slot.commitmentId !== except && isActiveCommitmentStatus(slot.status)) exposure.add(drawOfSlot(slot, state.baseline));
  return exposure;
};

/** The standing of every active commitment, judged afresh from the budget stream's fold. */
export const standingsOf = (
  state: BudgetState,
  openingBudgetHours: number,
  askedOf: (slot: CommitmentSlot) => Asked,
): Map<string, CommitmentJudgement> => {
  const active = [...state.commitments.values()].filter((slot) => isActiveCommitmentStatus(slot.status)).sort(drawsBefore);
  const candidates = active.map((slot) => ({
    ...slot,
    makerRole: slot.promisedBy.role,
    promisedInRevision: slot.promisedBy.inRevision,
    asked: askedOf(slot),
  }));
  return standingsInOrder(candidates, state.budgetHours ?? openingBudgetHours, state.baseline).standings;
};
