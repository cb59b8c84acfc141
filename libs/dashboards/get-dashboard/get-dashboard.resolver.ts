import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, EARLIEST_DATE } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { Dashboard, DeveloperContactDays } from '../graphql/dashboard.types.js';
import { contactDaysOf } from './contact-days.js';
import { GetDashboardQuery } from './get-dashboard.query.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Resolver(() => Dashboard)
export class GetDashboardResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => Dashboard)
  dashboard(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<Dashboard> {
    return this.queryBus.execute(new GetDashboardQuery(projectId, caller));
  }

  /** docs/dashboards.md: days per month as they happened, the target in months of membership. The dashboard was reached after the access check. */
  @ResolveField(() => [DeveloperContactDays])
  contactDays(@Parent() dashboard: Dashboard, @Args('month', { description: 'YYYY-MM' }) month: string): Promise<DeveloperContactDays[]> {
    if (!MONTH.test(month)) throw DomainError.badInput('month', 'must be a month written YYYY-MM, e.g. 2026-03');
    // No date the ledger records lies before EARLIEST_DATE: an earlier month (0000-01) is a slip, refused as such a date is.
    const earliest = EARLIEST_DATE.slice(0, 7);
    if (month < earliest) throw DomainError.badInput('month', `must be ${earliest} or later (got ${month})`);
    return contactDaysOf(this.eventSourcing.readModels, dashboard.projectId, month);
  }
}
