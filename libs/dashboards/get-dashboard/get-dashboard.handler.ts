import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import type { Dashboard } from '../graphql/dashboard.types.js';
import { dashboardFigures } from './dashboard-figures.js';
import { GetDashboardQuery } from './get-dashboard.query.js';

/** Internal roles only: the dashboard shows the budget, which customers never see. */
@QueryHandler(GetDashboardQuery)
export class GetDashboardHandler implements IQueryHandler<GetDashboardQuery, Dashboard> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, caller }: GetDashboardQuery): Promise<Dashboard> {
    await this.access.require(caller, projectId, INTERNAL_ROLES, 'read the dashboard');
    const head = await this.eventSourcing.store.headPosition();
    const lag = head - this.eventSourcing.runner.slowestPosition();
    return dashboardFigures(this.eventSourcing.readModels, projectId, Number(lag > 0n ? lag : 0n));
  }
}
