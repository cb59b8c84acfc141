import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { toRequirement } from '../graphql/requirement.mapping.js';
import type { Requirement } from '../graphql/requirement.types.js';
import { namedRequirement } from '../read-model/named-requirement.js';
import { GetRequirementQuery } from './get-requirement.query.js';

/** Requirements (estimates included) are internal: MANAGER, DEVELOPER and AUDITOR read them, a CUSTOMER does not. */
@QueryHandler(GetRequirementQuery)
export class GetRequirementHandler implements IQueryHandler<GetRequirementQuery, Requirement> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetRequirementQuery): Promise<Requirement> {
    const { row, named } = await namedRequirement(this.eventSourcing.readModels, id);
    await this.access.requireNamed(caller, named, INTERNAL_ROLES, 'read requirements');
    return toRequirement(row);
  }
}
