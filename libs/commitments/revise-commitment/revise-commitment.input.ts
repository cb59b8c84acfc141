import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar } from '@cf/ledger';

@InputType()
export class ReviseCommitmentInput {
  @Field(() => ID) @IsUUID() commitmentId: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(1e6) estimateHours?: number;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() dueDate?: string;
  @Field() @IsString() @Length(1, 20000) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
