import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { projectsReadModel } from '@cf/projects';
import { toRevisionEntry } from '../graphql/requirement.mapping.js';
import { Requirement, RequirementRevisionEntry } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { GetRequirementQuery } from './get-requirement.query.js';

/** The requirement query, and the fields every Requirement resolves (wherever it was reached after an access check). */
@Resolver(() => Requirement)
export class GetRequirementResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => Requirement)
  requirement(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Requirement> {
    return this.queryBus.execute(new GetRequirementQuery(id, caller));
  }

  @ResolveField(() => Boolean)
  async inBaseline(@Parent() requirement: Requirement): Promise<boolean> {
    const baseline = await projectsReadModel(this.eventSourcing.readModels).latestBaseline(requirement.projectId, requirement.asOf);
    return baseline?.requirements.some((r) => r.requirement_id === requirement.id) ?? false;
  }

  @ResolveField(() => [RequirementRevisionEntry])
  async revisions(@Parent() requirement: Requirement): Promise<RequirementRevisionEntry[]> {
    const revisions = (await requirementsReadModel(this.eventSourcing.readModels).revisionsOf(requirement.id)).map(toRevisionEntry);
    // As of a moment, the revisions made by then: the requirement's revision counts them.
    return requirement.asOf === undefined ? revisions : revisions.filter((entry) => entry.revision <= requirement.revision);
  }
}
