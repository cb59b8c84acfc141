import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { projectsReadModel } from '@cf/projects';
import { Dashboard, DeveloperContactDays } from '../graphql/dashboard.types.js';
import { dashboardsReadModel } from '../read-model/dashboards.read-model.js';
import { GetDashboardQuery } from './get-dashboard.query.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Resolver(() => Dashboard)
export class GetDashboardResolver {
  constructor(private readonly queryBus: QueryBus, private readonly ledger: Ledger) {}

  @Query(() => Dashboard)
  dashboard(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<Dashboard> {
    return this.queryBus.execute(new GetDashboardQuery(projectId, caller));
  }

  /**
   * Every DEVELOPER member, with 0 when they logged no session that month, and any other member
   * who did log days; in the order they joined. The dashboard was reached after the access check.
   */
  @ResolveField(() => [DeveloperContactDays])
  async contactDays(@Parent() dashboard: Dashboard, @Args('month', { description: 'YYYY-MM' }) month: string): Promise<DeveloperContactDays[]> {
    if (!MONTH.test(month)) throw DomainError.badInput('month', 'month must be YYYY-MM');
    const projects = projectsReadModel(this.ledger.readModels);
    const project = await projects.project(dashboard.projectId);
    const days = await dashboardsReadModel(this.ledger.readModels).contactDays(dashboard.projectId, month);
    return (await projects.members(dashboard.projectId))
      .filter((m) => m.role === 'DEVELOPER' || (days.get(m.user_id) ?? 0) > 0)
      .map((m) => ({ developer: { userId: m.user_id, name: m.name }, days: days.get(m.user_id) ?? 0, target: project?.contact_days_target ?? 0 }));
  }
}
