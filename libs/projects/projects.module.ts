import { Module } from '@nestjs/common';
import { EventSourcing, VIEWER_ROLES, idsOfKindWithoutStream } from '@cf/ledger';
import { projectsReadModel } from './read-model/projects.read-model.js';
import { ProjectAccess } from './access/project-access.js';
import { AddMemberHandler } from './add-member/add-member.handler.js';
import { AddMemberResolver } from './add-member/add-member.resolver.js';
import { RemoveMemberHandler } from './remove-member/remove-member.handler.js';
import { RemoveMemberResolver } from './remove-member/remove-member.resolver.js';
import { DaysWithCustomers } from './remove-member/days-with-customers.js';
import { GetProjectHandler } from './get-project/get-project.handler.js';
import { GetProjectResolver } from './get-project/get-project.resolver.js';
import { ListProjectsHandler } from './list-projects/list-projects.handler.js';
import { ListProjectsResolver } from './list-projects/list-projects.resolver.js';
import { OpenProjectHandler } from './open-project/open-project.handler.js';
import { OpenProjectResolver } from './open-project/open-project.resolver.js';

@Module({
  providers: [
    ProjectAccess,
    idsOfKindWithoutStream('baseline', (readModels, id) => projectsReadModel(readModels).baseline(id)),
    DaysWithCustomers,
    OpenProjectHandler,
    OpenProjectResolver,
    AddMemberHandler,
    AddMemberResolver,
    RemoveMemberHandler,
    RemoveMemberResolver,
    GetProjectHandler,
    GetProjectResolver,
    ListProjectsHandler,
    ListProjectsResolver,
    {
      provide: VIEWER_ROLES,
      inject: [EventSourcing],
      useFactory: (eventSourcing: EventSourcing) => (userId: string) => projectsReadModel(eventSourcing.readModels).membershipsOf(userId),
    },
  ],
  exports: [ProjectAccess, DaysWithCustomers, VIEWER_ROLES],
})
export class ProjectsModule {}
