import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { CONTACT_ROLES, type ContactRole } from '../domain/contacts.events.js';
import { ContactRoleEnum } from '../graphql/contact.types.js';

@InputType({ description: 'Corrects who a contact is, with a reason; fields left out stay as they are, a blank text clears it' })
export class ReviseContactInput {
  @Field(() => ID) @IsUUID() contactId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => ContactRoleEnum, { nullable: true, description: 'MANAGER only' })
  @IsOptional()
  @IsIn(CONTACT_ROLES)
  role?: ContactRole | null;
  @Field(() => Boolean, { nullable: true, description: 'MANAGER only' }) @IsOptional() @IsBoolean() canApproveScope?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) department?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) organisation?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
