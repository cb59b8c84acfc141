import { roundHours } from '@cf/core';
import { drawHoursOn, drawOf, exposureOf, isWithinRequirements, remainingOf, viewOf } from './budget.js';
import type { BudgetBaseline, BudgetClassification, BudgetCommitment, BudgetInputs, Drawn, Exposure } from './budget.types.js';

/**
 * Judges a candidate drawn after everything in `before`:
 * - outsideBudget when its draw exceeds max(remaining reserve before, 0) by a cent or more, as
 *   hours are shown (an excess under half a cent reads 0 everywhere, so it is within): once the
 *   reserve is used up, any further draw of a cent is outside the budget;
 * - exceedsBudgetByHours = the part of its own draw that does not fit; 0 when within the budget;
 * - budgetAtDecision = the view's numbers just before it.
 */
export function judgeDraw(candidate: Drawn, before: Exposure, budgetHours: number, baseline: BudgetBaseline | null): BudgetClassification {
  const draw = drawHoursOn(before, drawOf(candidate, baseline), baseline);
  const available = Math.max(remainingOf(budgetHours, baseline, before), 0);
  const exceedsBudgetByHours = Math.max(roundHours(draw - available), 0);
  const view = viewOf(budgetHours, baseline, before);
  return {
    outsideRequirements: !isWithinRequirements(candidate.requirementIds, baseline),
    outsideBudget: exceedsBudgetByHours > 0,
    exceedsBudgetByHours,
    drawHours: roundHours(draw),
    budgetAtDecision: {
      budgetHours: view.budgetHours,
      baselineHours: view.baselineHours,
      reserveHours: view.reserveHours,
      remainingReserveHours: view.remainingReserveHours,
    },
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
