/**
 * Pure budget arithmetic of a project (DESIGN section 4). Used by the commitment decider to
 * classify a commitment and by read-model projections to show the budget view.
 *
 * Choices:
 * - baselineHours = sum of the estimates in the latest approved baseline; reserve = budget − baselineHours.
 * - A commitment that links at least one baseline requirement is within requirements: its hours are
 *   spread over its linked baseline requirements in proportion to their baseline estimates (equally
 *   when all of those estimates are 0); linked requirements that are not in the baseline are ignored.
 * - Per baseline requirement, overrun = max(0, hours committed on it − its estimate).
 * - A commitment that links no baseline requirement (or when there is no baseline) is outside
 *   requirements: all its hours draw on the reserve.
 * - exposure = baselineHours + outsideRequirementsHours + overrunHours;
 *   remainingReserve = budget − exposure (negative when the promises exceed the budget).
 * - Sums are kept unrounded internally; every reported hour figure is rounded to 2 decimals.
 */
import { roundHours } from '@cf/core';
import {
  HOURS_EPSILON,
  type BudgetBaseline,
  type BudgetClassification,
  type BudgetCommitment,
  type BudgetInputs,
  type BudgetView,
} from './budget.types.js';

export * from './budget.types.js';

const baselineEstimates = (baseline: BudgetBaseline | null): Map<string, number> => {
  const estimates = new Map<string, number>();
  for (const requirement of baseline?.requirements ?? []) {
    estimates.set(requirement.requirementId, requirement.estimateHours);
  }
  return estimates;
};

/** The baseline requirements a commitment links (duplicates and non-baseline ids dropped). */
export const linkedBaselineRequirements = (
  requirementIds: readonly string[],
  baseline: BudgetBaseline | null,
): string[] => {
  const estimates = baselineEstimates(baseline);
  return [...new Set(requirementIds)].filter((id) => estimates.has(id));
};

export const isWithinRequirements = (
  requirementIds: readonly string[],
  baseline: BudgetBaseline | null,
): boolean => linkedBaselineRequirements(requirementIds, baseline).length > 0;

interface RawView {
  baselineHours: number;
  outsideRequirementsHours: number;
  overrunHours: number;
}

const rawView = (inputs: BudgetInputs): RawView => {
  const estimates = baselineEstimates(inputs.baseline);
  const committed = new Map<string, number>();
  let outsideRequirementsHours = 0;
  for (const commitment of inputs.activeCommitments) {
    const linked = linkedBaselineRequirements(commitment.requirementIds, inputs.baseline);
    if (linked.length === 0) {
      outsideRequirementsHours += commitment.estimateHours;
      continue;
    }
    const total = linked.reduce((sum, id) => sum + (estimates.get(id) ?? 0), 0);
    for (const id of linked) {
      // Proportional to the baseline estimates; equal shares when they are all 0.
      const share = total > 0 ? (estimates.get(id) ?? 0) / total : 1 / linked.length;
      committed.set(id, (committed.get(id) ?? 0) + commitment.estimateHours * share);
    }
  }
  let overrunHours = 0;
  for (const [id, hours] of committed) {
    overrunHours += Math.max(0, hours - (estimates.get(id) ?? 0));
  }
  const baselineHours = [...estimates.values()].reduce((sum, hours) => sum + hours, 0);
  return { baselineHours, outsideRequirementsHours, overrunHours };
};

const exposureOf = (raw: RawView): number =>
  raw.baselineHours + raw.outsideRequirementsHours + raw.overrunHours;

export function budgetView(inputs: BudgetInputs): BudgetView {
  const raw = rawView(inputs);
  const exposure = exposureOf(raw);
  return {
    budgetHours: roundHours(inputs.budgetHours),
    baselineHours: roundHours(raw.baselineHours),
    reserveHours: roundHours(inputs.budgetHours - raw.baselineHours),
    overrunHours: roundHours(raw.overrunHours),
    outsideRequirementsHours: roundHours(raw.outsideRequirementsHours),
    exposureHours: roundHours(exposure),
    remainingReserveHours: roundHours(inputs.budgetHours - exposure),
  };
}

/** The active commitments other than the candidate (a revision replaces its own earlier figures). */
const othersThan = (candidate: BudgetCommitment, inputs: BudgetInputs): BudgetInputs => ({
  ...inputs,
  activeCommitments: inputs.activeCommitments.filter((c) => c.commitmentId !== candidate.commitmentId),
});

/**
 * Classifies a candidate against the budget as it stands without it.
 * - draw = exposure with the candidate − exposure without it.
 * - outsideBudget when draw > max(remaining reserve before, 0) (with HOURS_EPSILON tolerance):
 *   once the reserve is used up, any further draw is outside the budget.
 * - exceedsBudgetByHours = max(0, draw − max(remaining before, 0)); 0 when within the budget.
 * - budgetAtDecision = the view's numbers just before the candidate.
 */
export function classifyCommitment(candidate: BudgetCommitment, inputs: BudgetInputs): BudgetClassification {
  const before = othersThan(candidate, inputs);
  const withIt = { ...before, activeCommitments: [...before.activeCommitments, candidate] };
  const remainingBefore = inputs.budgetHours - exposureOf(rawView(before));
  const draw = exposureOf(rawView(withIt)) - exposureOf(rawView(before));
  const available = Math.max(remainingBefore, 0);
  const outsideBudget = draw > available + HOURS_EPSILON;
  const view = budgetView(before);
  return {
    outsideRequirements: !isWithinRequirements(candidate.requirementIds, inputs.baseline),
    outsideBudget,
    exceedsBudgetByHours: outsideBudget ? roundHours(Math.max(0, draw - available)) : 0,
    drawHours: roundHours(draw),
    budgetAtDecision: {
      budgetHours: view.budgetHours,
      baselineHours: view.baselineHours,
      reserveHours: view.reserveHours,
      remainingReserveHours: view.remainingReserveHours,
    },
  };
}
