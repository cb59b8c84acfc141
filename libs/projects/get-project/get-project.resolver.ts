import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, type ViewerRoles, ViewerRolesAsRead } from '@cf/ledger';
import { toMember } from '../graphql/project.mapping.js';
import { Project, Member, ProjectRoleEnum } from '../graphql/project.types.js';
import type { ProjectRole } from '../domain/projects.events.js';
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

  /**
   * The caller's own role, so a client picks what to show without reading who the members are
   * (a customer sees no member's user id). Null for one who is no member of it by then (removed
   * meanwhile): the rest of the answer, a mutation's included, stands. From the roles read after
   * the top-level field (a mutation's answer included), so a page of projects reads none of its own.
   */
  @ResolveField(() => ProjectRoleEnum, {
    nullable: true,
    description: "The caller's own role on the project; null once they are no member of it (removed meanwhile)",
  })
  async viewerRole(
    @Parent() project: Project,
    @CurrentCaller() caller: Caller,
    @ViewerRolesAsRead() roles: ViewerRoles | undefined,
  ): Promise<ProjectRole | null> {
    if (roles) return (roles.get(project.id)?.role as ProjectRole | undefined) ?? null;
    return (await projectsReadModel(this.eventSourcing.readModels).member(project.id, caller.actor.userId))?.role ?? null;
  }
}
