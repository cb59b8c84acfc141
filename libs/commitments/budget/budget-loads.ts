import { linkedBaselineRequirements } from '../domain/budget.js';

/** Where one active commitment's hours go, judged against the project's latest baseline. */
export interface BudgetDraw {
  /** Hours outside requirements (it links no baseline requirement, or there is no baseline). */
  outsideHours: number;
  /** Hours committed per baseline requirement. */
  loads: Map<string, number>;
}

/**
 * The same split as `rawView` in domain/budget.ts (which stays the definition): a commitment on
 * baseline requirements spreads its hours over them in proportion to their estimates (equally when
 * all are 0); one on none draws entirely on the reserve. budget-summary.spec.ts checks the two agree.
 */
export const drawOf = (estimateHours: number, requirementIds: readonly string[], estimates: ReadonlyMap<string, number>): BudgetDraw => {
  const baseline = { baselineId: '', requirements: [...estimates].map(([requirementId, hours]) => ({ requirementId, estimateHours: hours })) };
  const linked = estimates.size === 0 ? [] : linkedBaselineRequirements(requirementIds, baseline);
  if (linked.length === 0) return { outsideHours: estimateHours, loads: new Map() };
  const total = linked.reduce((sum, id) => sum + (estimates.get(id) ?? 0), 0);
  const loads = new Map<string, number>();
  for (const id of linked) {
    const share = total > 0 ? (estimates.get(id) ?? 0) / total : 1 / linked.length;
    loads.set(id, estimateHours * share);
  }
  return { outsideHours: 0, loads };
};
