import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'A new requirement; name the request or contact session that caused it, if any' })
export class AddRequirementInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field({ description: 'Unique in the project, e.g. R1' }) @IsString() @Length(1, 200) key: string;
  @Field() @IsString() @Length(1, 200) title: string;
  @Field() @IsString() @Length(1, 20_000) text: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(1e6) estimateHours: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() requestId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() sessionId?: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
