import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { INTERNAL_ROLES, projectsReadModel } from '@cf/projects';
import { Request, requestsReadModel } from '@cf/requests';
import { toRequirement } from '../graphql/requirement.mapping.js';
import { Requirement } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';

/**
 * The requirements a request is linked to. A CUSTOMER may read their own request but not
 * requirements, so they get an empty list rather than an error that would spoil the request.
 */
@Resolver(() => Request)
export class RequestRequirementsResolver {
  constructor(private readonly ledger: Ledger) {}

  @ResolveField(() => [Requirement])
  async requirements(@Parent() request: Request, @CurrentCaller() caller: Caller): Promise<Requirement[]> {
    const db = this.ledger.readModels;
    const member = await projectsReadModel(db).member(request.projectId, caller.actor.userId);
    if (!member || !INTERNAL_ROLES.includes(member.role)) return [];
    const ids = await requestsReadModel(db).requirementIdsOf(request.id);
    return (await requirementsReadModel(db).requirements(ids)).map(toRequirement);
  }
}
