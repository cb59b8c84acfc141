import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { AssessStatusHandler } from './assess-status/assess-status.handler.js';
import { AssessStatusResolver } from './assess-status/assess-status.resolver.js';
import { PerceptionGapsHandler } from './perception-gaps/perception-gaps.handler.js';
import { PerceptionGapsResolver } from './perception-gaps/perception-gaps.resolver.js';
import { ReportStatusHandler } from './report-status/report-status.handler.js';
import { ReportStatusResolver } from './report-status/report-status.resolver.js';

/** What the customer was told against the real state, and where the two disagree (perceptionGaps). */
@Module({
  imports: [ProjectsModule],
  providers: [
    ReportStatusHandler, ReportStatusResolver,
    AssessStatusHandler, AssessStatusResolver,
    PerceptionGapsHandler, PerceptionGapsResolver,
  ],
})
export class ReportingModule {}
