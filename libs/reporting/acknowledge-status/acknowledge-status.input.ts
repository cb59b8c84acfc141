import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'The contact told agrees with a status report, or disputes it' })
export class AcknowledgeStatusInput {
  @Field(() => ID) @IsUUID() reportId: string;
  @Field({ description: 'false disputes the report: a perception gap' }) @IsBoolean() agrees: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 20_000) note?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
