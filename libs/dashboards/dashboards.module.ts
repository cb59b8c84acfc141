import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { GetDashboardHandler } from './get-dashboard/get-dashboard.handler.js';
import { GetDashboardResolver } from './get-dashboard/get-dashboard.resolver.js';

/** The dashboard query; PerceptionGaps and RequirementChanges live with their own contexts. */
@Module({
  imports: [ProjectsModule],
  providers: [GetDashboardHandler, GetDashboardResolver],
})
export class DashboardsModule {}
