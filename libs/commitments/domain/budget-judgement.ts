import { roundHours } from '@cf/core';
import { drawHoursOn, drawOf, exposureOf, isWithinRequirements, viewOf } from './budget.js';
import type { BudgetBaseline, BudgetClassification, BudgetCommitment, BudgetInputs, Drawn, Exposure } from './budget.types.js';

/**
 * Judges a candidate drawn after everything in `before`:
 * - outsideBudget when its draw exceeds max(remaining reserve before, 0) by a cent or more, as
 *   hours are shown (an excess under half a cent reads 0 everywhere, so it is within): once the
 *   reserve is used up, any further draw of a cent is outside the budget;
 * - exceedsBudgetByHours = the part of its own draw that does not fit, from the draw and the
 *   remaining reserve as shown (each rounded to the cent); 0 when within the budget;
 * - budgetAtDecision = the view's numbers just before it.
 */
export function judgeDraw(candidate: Drawn, before: Exposure, budgetHours: number, baseline: BudgetBaseline | null): BudgetClassification {
  const drawHours = roundHours(drawHoursOn(before, drawOf(candidate, baseline), baseline));
  const view = viewOf(budgetHours, baseline, before);
  // From the figures as shown, not the unrounded sums: the reason says draw and reserve, and a
  // reader who takes one from the other must find the excess it names, to the cent.
  const exceedsBudgetByHours = Math.max(roundHours(drawHours - Math.max(view.remainingReserveHours, 0)), 0);
  return {
    outsideRequirements: !isWithinRequirements(candidate.requirementIds, baseline),
    outsideBudget: exceedsBudgetByHours > 0,
    exceedsBudgetByHours,
    drawHours,
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
