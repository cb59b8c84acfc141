import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar, IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class MakeCommitmentInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field() @IsString() @Length(1, 200) summary: string;
  @Field(() => ID, { description: 'The contact the promise was made to' }) @IsUUID() madeToId: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(200) @IsUUID(undefined, { each: true }) requestIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(200) @IsUUID(undefined, { each: true }) requirementIds?: string[];
  @Field(() => Float) @IsNumber() @Min(0, { message: 'estimateHours must be more than zero' }) @Max(1e6) estimateHours: number;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() dueDate?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() sessionId?: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
