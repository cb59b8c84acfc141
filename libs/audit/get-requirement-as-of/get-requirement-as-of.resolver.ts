import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, DateTimeScalar } from '@cf/ledger';
import { Requirement } from '@cf/requirements';
import { GetRequirementAsOfQuery } from './get-requirement-as-of.query.js';

@Resolver()
export class GetRequirementAsOfResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => Requirement, { description: 'A requirement as it stood at a past moment (its events up to then)' })
  requirementAsOf(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar }) asOf: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Requirement> {
    return this.queryBus.execute(new GetRequirementAsOfQuery(id, asOf, caller));
  }
}
