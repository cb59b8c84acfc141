import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { AddRequirementHandler } from './add-requirement/add-requirement.handler.js';
import { AddRequirementResolver } from './add-requirement/add-requirement.resolver.js';
import { GetRequirementHandler } from './get-requirement/get-requirement.handler.js';
import { GetRequirementResolver } from './get-requirement/get-requirement.resolver.js';
import { RequirementTriggerResolver } from './get-requirement/requirement-trigger.resolver.js';
import { RemoveRequirementHandler } from './remove-requirement/remove-requirement.handler.js';
import { RemoveRequirementResolver } from './remove-requirement/remove-requirement.resolver.js';
import { RequestRequirementsResolver } from './list-requirements-of-request/list-requirements-of-request.resolver.js';
import { RequirementChangesHandler } from './requirement-changes/requirement-changes.handler.js';
import { RequirementChangesResolver } from './requirement-changes/requirement-changes.resolver.js';
import { ReviseRequirementHandler } from './revise-requirement/revise-requirement.handler.js';
import { ReviseRequirementResolver } from './revise-requirement/revise-requirement.resolver.js';

@Module({
  imports: [ProjectsModule],
  providers: [
    AddRequirementHandler,
    AddRequirementResolver,
    ReviseRequirementHandler,
    ReviseRequirementResolver,
    RemoveRequirementHandler,
    RemoveRequirementResolver,
    GetRequirementHandler,
    GetRequirementResolver,
    RequirementTriggerResolver,
    RequestRequirementsResolver,
    RequirementChangesHandler,
    RequirementChangesResolver,
  ],
})
export class RequirementsModule {}
