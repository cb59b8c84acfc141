import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '@cf/ledger';
import { PROJECT_ROLES, type ProjectRole } from '../domain/projects.events.js';

export const ProjectRoleEnum = Object.fromEntries(PROJECT_ROLES.map((r) => [r, r])) as Record<ProjectRole, ProjectRole>;
registerEnumType(ProjectRoleEnum, { name: 'ProjectRole' });

@ObjectType('ProjectMember')
export class Member {
  @Field(() => String, { nullable: true, description: 'Null for CUSTOMER members (the customer view)' }) userId: string;
  @Field() name: string;
  @Field(() => ProjectRoleEnum) role: ProjectRole;
  @Field(() => ID, { nullable: true }) contactId?: string | null;
  @Field(() => DateScalar, { description: 'The day they joined' }) since: string;
}

@ObjectType()
export class Project {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() customerName: string;
  @Field(() => Float, { nullable: true, description: 'Null for CUSTOMER members (the customer view)' }) budgetHours: number;
  @Field(() => Float) contactDaysTarget: number;
  @Field(() => Int, {
    nullable: true,
    description: 'How many events the project has had: send it back as expectedRevision. Null for CUSTOMER members (the customer view)',
  })
  revision: number;
}

@ObjectType({ description: 'A user as events record them' })
export class UserRef {
  @Field(() => String, { nullable: true, description: 'Null for CUSTOMER members (the customer view)' }) userId: string;
  @Field() name: string;
}

@ObjectType({ description: 'What a project mutation answers: where its last event landed, and the project after it' })
export class ProjectPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Project) project: Project;
}
