export interface ProjectBudget {
  budgetHours: number;
  baselineHours: number;
  reserveHours: number;
  remainingReserveHours: number;
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
 * draws on the reserve (outside requirements, overrun), then what is left of it. Commitments
 * on baseline requirements promise Σ their estimates; the part above a requirement's estimate
 * is overrun, so the baseline's promised part is that sum less the overrun.
 */
export const budgetSegments = (budget: ProjectBudget, inRequirementsHours: number): BudgetSegment[] => {
  const promised = Math.min(budget.baselineHours, Math.max(0, inRequirementsHours - budget.overrunHours));
  return [
    { key: 'promised', label: 'Commitments inside requirements', hours: promised },
    { key: 'unpromised', label: 'Baseline not yet promised', hours: budget.baselineHours - promised },
    { key: 'outside', label: 'Outside requirements', hours: budget.outsideRequirementsHours },
    { key: 'overrun', label: 'Overrun of requirement estimates', hours: budget.overrunHours },
    { key: 'reserve', label: 'Remaining reserve', hours: Math.max(0, budget.remainingReserveHours) },
  ];
};

/** Active commitments count, approved or not: a promise made is exposure. */
export const activeHours = (commitments: { estimateHours: number; status: string }[]): number =>
  commitments.filter((c) => c.status !== 'REJECTED' && c.status !== 'WITHDRAWN').reduce((sum, c) => sum + c.estimateHours, 0);
