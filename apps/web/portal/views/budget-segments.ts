export interface ProjectBudget {
  budgetHours: number;
  baselineHours: number;
  reserveHours: number;
  remainingReserveHours: number;
  promisedBaselineHours: number;
  overrunHours: number;
  outsideRequirementsHours: number;
  exposureHours: number;
}

export interface BudgetSegment {
  key: 'promised' | 'unpromised' | 'outside' | 'overrun' | 'reserve';
  label: string;
  hours: number;
}

/**
 * The budget bar's parts, in the order the reserve is drawn (docs/dashboards.md): the baseline
 * split into what commitments on its requirements promise and what they do not yet, then the
 * draws on the reserve (outside requirements, overrun), then what is left of it. Every part is
 * the API's own figure, so the bar is right however many commitments the project holds.
 */
export const budgetSegments = (budget: ProjectBudget): BudgetSegment[] => [
  { key: 'promised', label: 'Commitments inside requirements', hours: budget.promisedBaselineHours },
  { key: 'unpromised', label: 'Baseline not yet promised', hours: budget.baselineHours - budget.promisedBaselineHours },
  { key: 'outside', label: 'Outside requirements', hours: budget.outsideRequirementsHours },
  { key: 'overrun', label: 'Overrun of requirement estimates', hours: budget.overrunHours },
  { key: 'reserve', label: 'Remaining reserve', hours: Math.max(0, budget.remainingReserveHours) },
];
