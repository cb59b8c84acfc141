import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventSourcing } from '@cf/ledger';
import { Request, requestsReadModel } from '@cf/requests';
import { toRequirement } from '../graphql/requirement.mapping.js';
import { Requirement } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';

/** The requirements a request is linked to: internal, so the customer view gives CUSTOMER members null. */
@Resolver(() => Request)
export class RequestRequirementsResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => [Requirement], { nullable: true })
  async requirements(@Parent() request: Request): Promise<Requirement[]> {
    const db = this.eventSourcing.readModels;
    const ids = await requestsReadModel(db).requirementIdsOf(request.id);
    return (await requirementsReadModel(db).requirements(ids)).map(toRequirement);
  }
}
