/**
 * Pure budget arithmetic of a project (DESIGN section 4). A commitment's draw is judged with it
 * (budget-judgement.ts), the standing re-judges with it, and the read model shows its view.
 *
 * - baselineHours = sum of the estimates in the latest approved baseline; reserve = budget − baselineHours.
 * - A commitment that links at least one baseline requirement is within requirements: its hours are
 *   spread over its linked baseline requirements in proportion to their estimates (equally when all
 *   are 0); linked requirements that are not in the baseline are ignored.
 * - Per baseline requirement, overrun = max(0, hours committed on it − its estimate).
 * - A commitment that links no baseline requirement (or when there is none) is outside requirements:
 *   all its hours draw on the reserve.
 * - promisedBaselineHours = per baseline requirement, min(hours committed on it, its estimate), summed:
 *   the part of the baseline the active commitments on its requirements promise.
 * - exposure = baselineHours + outsideRequirementsHours + overrunHours;
 *   remainingReserve = budget − exposure (negative when the promises exceed the budget).
 * - A commitment's draw is what it adds to the exposure of those before it, read as the remaining
 *   reserve before it less the remaining reserve after it, each rounded as shown (budget-judgement.ts).
 * - Sums are kept unrounded; every reported hour figure is rounded to 2 decimals.
 */
import { roundHours } from '@cf/core';
import type { BudgetAtDecision, BudgetBaseline, BudgetInputs, BudgetView, Draw, Drawn, Exposure } from './budget.types.js';
import { sumOfDraws } from './exposure-tally.js';

export * from './budget.types.js';

export const NO_EXPOSURE: Exposure = { outsideHours: 0, committed: new Map() };

/** A draw of nothing: adding it changes no sum, not even by a bit (x + 0 is x). */
const NO_DRAW: Draw = { outsideHours: 0, loads: new Map() };

const NO_ESTIMATES: ReadonlyMap<string, number> = new Map();
/**
 * A baseline's estimates by requirement, built once per baseline: a judgement asks for them
 * several times per commitment, and a revision or a standing walks a project's commitments.
 * Baselines are never changed once approved (the fold replaces them), so the object is the key.
 */
const estimatesOf = new WeakMap<BudgetBaseline, ReadonlyMap<string, number>>();

export const baselineEstimates = (baseline: BudgetBaseline | null): ReadonlyMap<string, number> => {
  if (!baseline) return NO_ESTIMATES;
  let estimates = estimatesOf.get(baseline);
  if (!estimates) estimatesOf.set(baseline, (estimates = new Map(baseline.requirements.map((r) => [r.requirementId, r.estimateHours]))));
  return estimates;
};

const baselineHoursOf = (baseline: BudgetBaseline | null): number =>
  (baseline?.requirements ?? []).reduce((sum, r) => sum + r.estimateHours, 0);

/** The baseline requirements a commitment links (duplicates and non-baseline ids dropped). */
export const linkedBaselineRequirements = (requirementIds: readonly string[], baseline: BudgetBaseline | null): string[] => {
  const estimates = baselineEstimates(baseline);
  return [...new Set(requirementIds)].filter((id) => estimates.has(id));
};

export const isWithinRequirements = (requirementIds: readonly string[], baseline: BudgetBaseline | null): boolean =>
  linkedBaselineRequirements(requirementIds, baseline).length > 0;

export const drawOf = (commitment: Drawn, baseline: BudgetBaseline | null): Draw => {
  const estimates = baselineEstimates(baseline);
  const linked = linkedBaselineRequirements(commitment.requirementIds, baseline);
  if (linked.length === 0) return { outsideHours: commitment.estimateHours, loads: new Map() };
  const total = linked.reduce((sum, id) => sum + (estimates.get(id) ?? 0), 0);
  // Proportional to the baseline estimates; equal shares when they are all 0.
  return {
    outsideHours: 0,
    loads: new Map(linked.map((id) => [id, commitment.estimateHours * (total > 0 ? (estimates.get(id) ?? 0) / total : 1 / linked.length)])),
  };
};

/** The exposure with one draw added (sign 1) or taken back (sign −1). */
export const shiftExposure = (exposure: Exposure, draw: Draw, sign: 1 | -1): Exposure => {
  if (draw.loads.size === 0) return { ...exposure, outsideHours: exposure.outsideHours + sign * draw.outsideHours };
  const committed = new Map(exposure.committed);
  for (const [id, hours] of draw.loads) committed.set(id, (committed.get(id) ?? 0) + sign * hours);
  return { outsideHours: exposure.outsideHours + sign * draw.outsideHours, committed };
};

export const exposureOf = (commitments: readonly Drawn[], baseline: BudgetBaseline | null): Exposure =>
  sumOfDraws(commitments.map((c) => drawOf(c, baseline)));

const overrun = (hours: number, estimate: number): number => Math.max(0, hours - estimate);

/** The figures a budget has before any promise: its hours, its baseline's and the reserve between them. */
export const budgetFiguresOf = (budgetHours: number, baseline: BudgetBaseline | null): Omit<BudgetAtDecision, 'remainingReserveHours'> => {
  const baselineHours = baselineHoursOf(baseline);
  return {
    budgetHours: roundHours(budgetHours),
    baselineHours: roundHours(baselineHours),
    reserveHours: roundHours(budgetHours - baselineHours),
  };
};

export function viewOf(budgetHours: number, baseline: BudgetBaseline | null, exposure: Exposure): BudgetView {
  const estimates = baselineEstimates(baseline);
  let overrunHours = 0;
  let promisedHours = 0;
  for (const [id, hours] of exposure.committed) {
    overrunHours += overrun(hours, estimates.get(id) ?? 0);
    promisedHours += Math.min(Math.max(hours, 0), estimates.get(id) ?? 0);
  }
  // As every judgement reads it, to the bit: a commitment's excess is what it takes of this overdraw.
  const remaining = remainingOf(budgetHours, baseline, exposure);
  return {
    ...budgetFiguresOf(budgetHours, baseline),
    promisedBaselineHours: roundHours(promisedHours),
    overrunHours: roundHours(overrunHours),
    outsideRequirementsHours: roundHours(exposure.outsideHours),
    exposureHours: roundHours(budgetHours - remaining),
    remainingReserveHours: shownRemaining(budgetHours, remaining),
  };
}

/**
 * The remaining reserve as the view shows it: the budget less the exposure, each in cents, so that
 * exposure and remaining reserve add up to the budget (an exposure of 2.005 h on a budget of 2 h
 * shows 2.01 h, and 0.01 h overdrawn).
 */
export const shownRemaining = (budgetHours: number, unroundedRemaining: number): number =>
  roundHours(roundHours(budgetHours) - roundHours(budgetHours - unroundedRemaining));

/** The remaining reserve, unrounded: what a next draw may take before it leaves the budget. */
export const remainingOf = (budgetHours: number, baseline: BudgetBaseline | null, exposure: Exposure): number =>
  remainingAfter(budgetHours, baseline, exposure, NO_DRAW);

/**
 * remainingOf the exposure with one draw added, to the bit, without a copy of it: the same values
 * summed in the same order as on shiftExposure's copy (its keys as they were, a new one last), so a
 * commitment's reserve after it is the next one's before it exactly; a standing judges every
 * active commitment of a project in turn.
 */
export const remainingAfter = (budgetHours: number, baseline: BudgetBaseline | null, exposure: Exposure, draw: Draw): number => {
  const estimates = baselineEstimates(baseline);
  let exposureHours = baselineHoursOf(baseline) + (exposure.outsideHours + draw.outsideHours);
  for (const [id, hours] of exposure.committed) {
    const load = draw.loads.get(id);
    exposureHours += overrun(load === undefined ? hours : hours + load, estimates.get(id) ?? 0);
  }
  for (const [id, load] of draw.loads) if (!exposure.committed.has(id)) exposureHours += overrun(0 + load, estimates.get(id) ?? 0);
  return budgetHours - exposureHours;
};

export const budgetView = (inputs: BudgetInputs): BudgetView =>
  viewOf(inputs.budgetHours, inputs.baseline, exposureOf(inputs.activeCommitments, inputs.baseline));
