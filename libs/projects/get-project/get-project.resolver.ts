import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { toMember } from '../graphql/project.mapping.js';
import { Project, Member } from '../graphql/project.types.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import { GetProjectQuery } from './get-project.query.js';

@Resolver(() => Project)
export class GetProjectResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => Project)
  project(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Project> {
    return this.queryBus.execute(new GetProjectQuery(id, caller));
  }

  /** Members are visible to every member (a project is only reached after the access check). */
  @ResolveField(() => [Member])
  async members(@Parent() project: Project): Promise<Member[]> {
    return (await projectsReadModel(this.eventSourcing.readModels).members(project.id)).map(toMember);
  }
}
