import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess, projectsReadModel } from '@cf/projects';
import type { RequirementChange } from '../graphql/requirement-change.types.js';
import { toRequirement, toRevisionEntry } from '../graphql/requirement.mapping.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { RequirementChangesQuery } from './requirement-changes.query.js';

/**
 * Internal roles: every addition, revision and removal of the project's requirements, oldest first;
 * with sinceBaseline, only those dated after the latest baseline's approval (all when none) —
 * the rows the dashboard's churn counts.
 */
@QueryHandler(RequirementChangesQuery)
export class RequirementChangesHandler implements IQueryHandler<RequirementChangesQuery, RequirementChange[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, sinceBaseline, caller }: RequirementChangesQuery): Promise<RequirementChange[]> {
    await this.access.require(caller, projectId, INTERNAL_ROLES, 'read requirement changes');
    const db = this.eventSourcing.readModels;
    const baseline = sinceBaseline ? await projectsReadModel(db).latestBaseline(projectId) : null;
    const read = requirementsReadModel(db);
    const changes = await read.changesSince(projectId, baseline?.approved_at ?? null, true);
    const requirements = new Map(
      (await read.requirements([...new Set(changes.map((c) => c.requirement_id))])).map((r) => [r.id, toRequirement(r)]),
    );
    // Changes and requirements are rows of one projection: every change has its requirement.
    return changes.flatMap((row) => {
      const requirement = requirements.get(row.requirement_id);
      const { revision, at, reason, trigger, changes: fields } = toRevisionEntry(row);
      return requirement ? [{ requirement, revision, at, reason, trigger, changes: fields }] : [];
    });
  }
}
