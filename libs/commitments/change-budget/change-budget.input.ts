import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType({ description: 'A change order: the budget moves only with a reason' })
export class ChangeBudgetInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(10_000_000) budgetHours: number;
  @Field() @IsString() @Length(1, 2_000) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
