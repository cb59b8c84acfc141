import { Args, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Paginated } from '@cf/ledger';
import { Request, RequestFilter } from '../graphql/request.types.js';
import { ListRequestsQuery } from './list-requests.query.js';

@ObjectType()
export class RequestConnection extends Paginated(Request) {}

@Resolver()
export class ListRequestsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => RequestConnection)
  requests(
    @CurrentCaller() caller: Caller,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('filter', { type: () => RequestFilter, nullable: true }) filter?: RequestFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<RequestConnection> {
    return this.queryBus.execute(new ListRequestsQuery(projectId, filter ?? {}, first ?? undefined, after ?? undefined, caller));
  }
}
