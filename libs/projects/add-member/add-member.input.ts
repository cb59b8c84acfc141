import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar, IsOneLine, IdempotencyKeyField } from '@cf/ledger';
import { PROJECT_ROLES, type ProjectRole } from '../domain/projects.events.js';
import { ProjectRoleEnum } from '../graphql/project.types.js';

@InputType()
export class AddMemberInput {
  @Field(() => ID) @IsUUID() projectId: string;
  /** One line, as the token's `sub` that must match it: a user id with a tab or line break could never sign in. */
  @Field()
  @IsString()
  @Length(1, 200)
  @IsOneLine('userId', ', as a token sub holds none')
  @Matches(/^\S(.*\S)?$/, {
    message: ({ value }) =>
      value === '' ? 'userId must not be empty' : "userId must not begin or end with a space: it is matched exactly against a token's sub",
  })
  userId: string;
  @Field() @IsString() @Length(1, 200) @IsOneLine('name') name: string;
  @Field(() => ProjectRoleEnum) @IsIn(PROJECT_ROLES) role: ProjectRole;
  @Field(() => ID, { nullable: true, description: 'Required for CUSTOMER members: the contact they are' })
  @IsOptional()
  @IsUUID()
  contactId?: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day they joined; today when not given' })
  @IsOptional()
  @IsString()
  since?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
