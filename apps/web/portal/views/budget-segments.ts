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
export const budgetSegments = (budget: ProjectBudget, onRequirementsHours: number): BudgetSegment[] => {
  const promised = Math.min(budget.baselineHours, Math.max(0, onRequirementsHours - budget.overrunHours));
  return [
    { key: 'promised', label: 'Commitments inside requirements', hours: promised },
    { key: 'unpromised', label: 'Baseline not yet promised', hours: budget.baselineHours - promised },
    { key: 'outside', label: 'Outside requirements', hours: budget.outsideRequirementsHours },
    { key: 'overrun', label: 'Overrun of requirement estimates', hours: budget.overrunHours },
    { key: 'reserve', label: 'Remaining reserve', hours: Math.max(0, budget.remainingReserveHours) },
  ];
};

export interface CommitmentHours {
  estimateHours: number;
  status: string;
  current: { outsideRequirements: boolean } | null;
}

/**
 * Hours of the active commitments standing inside requirements today. Active ones count,
 * approved or not: a promise made is exposure.
 */
export const inRequirementsHours = (commitments: CommitmentHours[]): number =>
  commitments
    .filter((c) => c.status !== 'REJECTED' && c.status !== 'WITHDRAWN' && c.current?.outsideRequirements === false)
    .reduce((sum, c) => sum + c.estimateHours, 0);
