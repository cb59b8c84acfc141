import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { requirementErrors } from '../domain/requirements.errors.js';
import { toRequirement } from '../graphql/requirement.mapping.js';
import type { Requirement } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { GetRequirementQuery } from './get-requirement.query.js';

/** Requirements (estimates included) are internal: MANAGER, DEVELOPER and AUDITOR read them, a CUSTOMER does not. */
@QueryHandler(GetRequirementQuery)
export class GetRequirementHandler implements IQueryHandler<GetRequirementQuery, Requirement> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetRequirementQuery): Promise<Requirement> {
    const row = await requirementsReadModel(this.eventSourcing.readModels).requirement(id);
    if (!row) throw requirementErrors.notFound(id);
    await this.access.requireNamed(
      caller,
      { projectId: row.project_id, unknown: requirementErrors.notFound(id) },
      INTERNAL_ROLES,
      'read requirements',
    );
    return toRequirement(row);
  }
}
