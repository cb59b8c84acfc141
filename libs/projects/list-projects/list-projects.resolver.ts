import { Args, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Paginated } from '@cf/ledger';
import { Project } from '../graphql/project.types.js';
import { ListProjectsQuery } from './list-projects.query.js';

@ObjectType()
export class ProjectConnection extends Paginated(Project) {}

@Resolver()
export class ListProjectsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => ProjectConnection)
  projects(
    @CurrentCaller() caller: Caller,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ProjectConnection> {
    return this.queryBus.execute(new ListProjectsQuery(first ?? undefined, after ?? undefined, caller));
  }
}
