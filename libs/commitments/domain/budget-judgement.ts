import { roundHours } from '@cf/core';
import { budgetFiguresOf, drawOf, exposureOf, isWithinRequirements, remainingAfter, remainingOf, shownRemaining } from './budget.js';
import type { BudgetBaseline, BudgetClassification, BudgetCommitment, BudgetInputs, Drawn, Exposure } from './budget.types.js';

/**
 * Judges a candidate drawn after everything in `before`, in the figures the budget view shows:
 * the remaining reserve before it and after it, each in cents as the view shows it, so that every figure
 * adds up as a reader sees it — the draw, the reserve and the excess of its reason, and the
 * excesses of all the commitments in draw order to the project's overdraw.
 * - drawHours = remaining before − remaining after;
 * - exceedsBudgetByHours = the part of that draw past 0 (max(0, −after) − max(0, −before)): what it
 *   takes of an overdraw, 0 when within the budget;
 * - outsideBudget when that is a cent or more: once the reserve is used up, any further draw of a
 *   cent is outside the budget, and an overdraw under half a cent reads 0 h everywhere, so within;
 * - budgetAtDecision = the view's numbers just before it.
 */
export function judgeDraw(candidate: Drawn, before: Exposure, budgetHours: number, baseline: BudgetBaseline | null): BudgetClassification {
  // Both as the view shows them (shownRemaining), the after from the same sum as the before of the
  // next commitment in draw order, bit for bit, so the excesses add up without a cent lost.
  const remainingBefore = shownRemaining(budgetHours, remainingOf(budgetHours, baseline, before));
  const after = shownRemaining(budgetHours, remainingAfter(budgetHours, baseline, before, drawOf(candidate, baseline)));
  const exceedsBudgetByHours = roundHours(Math.max(0, -after) - Math.max(0, -remainingBefore));
  return {
    outsideRequirements: !isWithinRequirements(candidate.requirementIds, baseline),
    outsideBudget: exceedsBudgetByHours > 0,
    exceedsBudgetByHours,
    drawHours: roundHours(remainingBefore - after),
    budgetAtDecision: { ...budgetFiguresOf(budgetHours, baseline), remainingReserveHours: remainingBefore },
  };
}

/** Judges a candidate after all other active commitments (a revision replaces its own earlier figures). */
export const classifyCommitment = (candidate: BudgetCommitment, inputs: BudgetInputs): BudgetClassification =>
  judgeDraw(
    candidate,
    exposureOf(
      inputs.activeCommitments.filter((c) => c.commitmentId !== candidate.commitmentId),
      inputs.baseline,
    ),
    inputs.budgetHours,
    inputs.baseline,
  );
