import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

/** Approve, reject, withdraw and deliver all take the commitment and a note (some rules require it non-empty). */
@InputType()
export class DecideCommitmentInput {
  @Field(() => ID) @IsUUID() commitmentId: string;
  @Field() @IsString() @Length(0, 20000) note: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
