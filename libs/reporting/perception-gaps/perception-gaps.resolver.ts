import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { PerceptionGap } from '../graphql/reporting.types.js';
import { PerceptionGapsQuery } from './perception-gaps.query.js';

@Resolver(() => PerceptionGap)
export class PerceptionGapsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [PerceptionGap], { description: "Subjects whose latest assessment contradicts what the customer was last told, oldest change first" })
  perceptionGaps(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<PerceptionGap[]> {
    return this.queryBus.execute(new PerceptionGapsQuery(projectId, caller));
  }
}
