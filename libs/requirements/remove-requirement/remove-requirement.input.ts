import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'Remove a requirement for good, with a reason and what caused it' })
export class RemoveRequirementInput {
  @Field(() => ID) @IsUUID() requirementId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() requestId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() sessionId?: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
