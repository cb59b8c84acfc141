import { Module } from '@nestjs/common';
import { idsOfKindWithoutStream } from '@cf/ledger';
import { ProjectsModule } from '@cf/projects';
import { AcknowledgeStatusHandler } from './acknowledge-status/acknowledge-status.handler.js';
import { AcknowledgeStatusResolver } from './acknowledge-status/acknowledge-status.resolver.js';
import { AssessStatusHandler } from './assess-status/assess-status.handler.js';
import { AssessStatusResolver } from './assess-status/assess-status.resolver.js';
import { ListStatusReportsHandler } from './list-status-reports/list-status-reports.handler.js';
import { ListStatusReportsResolver } from './list-status-reports/list-status-reports.resolver.js';
import { PerceptionGapsHandler } from './perception-gaps/perception-gaps.handler.js';
import { PerceptionGapsResolver } from './perception-gaps/perception-gaps.resolver.js';
import { ReportStatusHandler } from './report-status/report-status.handler.js';
import { ReportStatusResolver } from './report-status/report-status.resolver.js';
import { reportingReadModel } from './read-model/reporting.read-model.js';

/** What the customer was told (and whether they agree) against the real state, and where the two disagree (perceptionGaps). */
@Module({
  imports: [ProjectsModule],
  providers: [
    idsOfKindWithoutStream('statusReport', (readModels, id) => reportingReadModel(readModels).report(id)),
    ReportStatusHandler,
    ReportStatusResolver,
    AssessStatusHandler,
    AssessStatusResolver,
    PerceptionGapsHandler,
    PerceptionGapsResolver,
    ListStatusReportsHandler,
    ListStatusReportsResolver,
    AcknowledgeStatusHandler,
    AcknowledgeStatusResolver,
  ],
})
export class ReportingModule {}
