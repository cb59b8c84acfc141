import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { AuditAccess } from './access/audit-access.js';
import { GetHistoryHandler } from './get-history/get-history.handler.js';
import { GetHistoryResolver } from './get-history/get-history.resolver.js';
import { GetRequirementAsOfHandler } from './get-requirement-as-of/get-requirement-as-of.handler.js';
import { GetRequirementAsOfResolver } from './get-requirement-as-of/get-requirement-as-of.resolver.js';
import { ListAuditLogHandler } from './list-audit-log/list-audit-log.handler.js';
import { ListAuditLogResolver } from './list-audit-log/list-audit-log.resolver.js';
import { SealAuditTrailHandler } from './seal-audit-trail/seal-audit-trail.handler.js';
import { SealAuditTrailResolver } from './seal-audit-trail/seal-audit-trail.resolver.js';
import { VerifyAuditTrailHandler } from './verify-audit-trail/verify-audit-trail.handler.js';
import { VerifyAuditTrailResolver } from './verify-audit-trail/verify-audit-trail.resolver.js';
import { ActivityFeed } from './watch-project-activity/activity-feed.js';
import { ProjectActivityResolver } from './watch-project-activity/project-activity.resolver.js';

@Module({
  imports: [ProjectsModule],
  providers: [
    AuditAccess,
    ListAuditLogHandler,
    ListAuditLogResolver,
    GetHistoryHandler,
    GetHistoryResolver,
    GetRequirementAsOfHandler,
    GetRequirementAsOfResolver,
    VerifyAuditTrailHandler,
    VerifyAuditTrailResolver,
    SealAuditTrailHandler,
    SealAuditTrailResolver,
    ActivityFeed,
    ProjectActivityResolver,
  ],
})
export class AuditModule {}
