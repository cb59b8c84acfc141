import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { HistoryEntry } from '../graphql/audit.types.js';
import { GetHistoryQuery } from './get-history.query.js';

@Resolver()
export class GetHistoryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [HistoryEntry], {
    description: "Any entity's events (project, contact, request, requirement, ...) with field-level changes",
  })
  history(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<HistoryEntry[]> {
    return this.queryBus.execute(new GetHistoryQuery(id, caller));
  }
}
