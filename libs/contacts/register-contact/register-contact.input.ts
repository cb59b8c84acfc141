import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField, IsOneLine } from '@cf/ledger';
import { CONTACT_ROLES, type ContactRole } from '../domain/contacts.events.js';
import { ContactRoleEnum } from '../graphql/contact.types.js';

@InputType()
export class RegisterContactInput {
  @Field(() => ID) @IsUUID() projectId: string;
  /** One line: a contact's name stands in reasons ("asked by …") and in the audit log. */
  @Field() @IsString() @Length(1, 200) @IsOneLine('name') name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) @IsOneLine('email') email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) organisation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) department?: string | null;
  @Field(() => ContactRoleEnum) @IsIn(CONTACT_ROLES) role: ContactRole;
  @Field() @IsBoolean() canApproveScope: boolean;
  @IdempotencyKeyField() idempotencyKey?: string;
}
