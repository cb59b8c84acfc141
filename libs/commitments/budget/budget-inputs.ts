import { DomainError } from '@cf/core';
import type { ReadModelDb } from '@cf/event-store';
import { budgetView } from '../domain/budget.js';
import type { BudgetCommitment, BudgetInputs, BudgetView } from '../domain/budget.types.js';
import { drawOf } from './budget-loads.js';
import { budgetSummaryReadModel } from './budget-summary.read-model.js';

/** Ids of the stand-in commitments; no real commitment id (a UUID) looks like these. */
const LOAD_PREFIX = 'baseline-load:';
const OUTSIDE_ID = 'outside-requirements';

/**
 * The budget picture of a project from its summary rows, in O(baseline requirements): one
 * stand-in active commitment per baseline requirement carrying the hours committed on it, and one
 * outside requirements carrying those hours. budgetView and classifyCommitment give the same
 * numbers on it as on every real commitment. `excludeCommitmentId` takes one commitment's own
 * draw back out, so a revision is judged on the picture without its earlier figures.
 */
export async function budgetInputsOf(db: ReadModelDb, projectId: string, excludeCommitmentId?: string): Promise<BudgetInputs> {
  const read = budgetSummaryReadModel(db);
  const summary = await read.summary(projectId);
  if (!summary) throw DomainError.notFound('Project', projectId);
  const loads = summary.baseline_id ? await read.loads(projectId) : [];
  const committed = new Map(loads.map((l) => [l.requirement_id, l.committed_hours]));
  let outsideHours = summary.outside_requirements_hours;
  const excluded = excludeCommitmentId ? await read.commitment(excludeCommitmentId) : undefined;
  if (excluded && excluded.active === 1 && excluded.project_id === projectId) {
    const draw = drawOf(excluded.estimate_hours, JSON.parse(excluded.requirement_ids) as string[], new Map(loads.map((l) => [l.requirement_id, l.estimate_hours])));
    outsideHours -= draw.outsideHours;
    for (const [id, hours] of draw.loads) committed.set(id, (committed.get(id) ?? 0) - hours);
  }
  const standIns: BudgetCommitment[] = [...committed]
    .filter(([, hours]) => hours !== 0)
    .map(([id, hours]) => ({ commitmentId: `${LOAD_PREFIX}${id}`, estimateHours: hours, requirementIds: [id] }));
  if (outsideHours !== 0) standIns.push({ commitmentId: OUTSIDE_ID, estimateHours: outsideHours, requirementIds: [] });
  return {
    budgetHours: summary.budget_hours,
    baseline: summary.baseline_id === null ? null : {
      baselineId: summary.baseline_id,
      name: summary.baseline_name ?? undefined,
      requirements: loads.map((l) => ({ requirementId: l.requirement_id, estimateHours: l.estimate_hours })),
    },
    activeCommitments: standIns,
  };
}

/** The project budget view (DESIGN section 4): what Project.budget and the dashboard both show. */
export const projectBudgetOf = async (db: ReadModelDb, projectId: string): Promise<BudgetView> =>
  budgetView(await budgetInputsOf(db, projectId));
