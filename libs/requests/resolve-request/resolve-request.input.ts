import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class ResolveRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field() @IsString() @Length(1, 20000) resolution: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
