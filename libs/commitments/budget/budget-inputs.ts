import { DomainError } from '@cf/core';
import type { ReadModelDb } from '@cf/event-store';
import { projectsReadModel } from '@cf/projects';
import type { BudgetInputs } from '../domain/budget.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

/**
 * The budget picture of a project from the read models: its budget, its latest approved
 * baseline and its active commitments. `excludeCommitmentId` leaves one commitment out, so a
 * revision is judged on the picture without its own earlier figures.
 */
export async function budgetInputsOf(db: ReadModelDb, projectId: string, excludeCommitmentId?: string): Promise<BudgetInputs> {
  const projects = projectsReadModel(db);
  const project = await projects.project(projectId);
  if (!project) throw DomainError.notFound('Project', projectId);
  const baseline = await projects.latestBaseline(projectId);
  const active = await commitmentsReadModel(db).activeOf(projectId);
  return {
    budgetHours: project.budget_hours,
    baseline: baseline && {
      baselineId: baseline.id,
      name: baseline.name,
      requirements: baseline.requirements.map((r) => ({ requirementId: r.requirement_id, estimateHours: r.estimate_hours })),
    },
    activeCommitments: active
      .filter((c) => c.id !== excludeCommitmentId)
      .map((c) => ({ commitmentId: c.id, estimateHours: c.estimate_hours, requirementIds: c.requirement_ids })),
  };
}
