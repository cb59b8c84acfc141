import { Args, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Paginated } from '@cf/ledger';
import { Commitment } from '../graphql/commitment.types.js';
import { CommitmentFilter } from './commitment-filter.input.js';
import { ListCommitmentsQuery } from './list-commitments.query.js';

@ObjectType()
export class CommitmentConnection extends Paginated(Commitment) {}

@Resolver()
export class ListCommitmentsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => CommitmentConnection)
  commitments(
    @CurrentCaller() caller: Caller,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('filter', { type: () => CommitmentFilter, nullable: true }) filter?: CommitmentFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CommitmentConnection> {
    return this.queryBus.execute(new ListCommitmentsQuery(projectId, filter ?? undefined, first ?? undefined, after ?? undefined, caller));
  }
}
