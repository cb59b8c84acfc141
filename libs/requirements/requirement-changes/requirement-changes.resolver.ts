import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { RequirementChange } from '../graphql/requirement-change.types.js';
import { RequirementChangesQuery } from './requirement-changes.query.js';

@Resolver(() => RequirementChange)
export class RequirementChangesResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [RequirementChange])
  requirementChanges(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('sinceBaseline', { type: () => Boolean, nullable: true }) sinceBaseline: boolean | null,
    @CurrentCaller() caller: Caller,
  ): Promise<RequirementChange[]> {
    return this.queryBus.execute(new RequirementChangesQuery(projectId, sinceBaseline === true, caller));
  }
}
