import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType({
  description: 'A change order: the budget moves only with a reason; it may pay for named commitments, countersigned by the customer',
})
export class ChangeBudgetInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(10_000_000) budgetHours: number;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
  @Field(() => [ID], { nullable: true, description: 'Commitments the change order pays for: they draw on the budget before the others' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  coversCommitmentIds?: string[];
  @Field(() => ID, {
    nullable: true,
    description: 'The contact who signs for the customer; needed to cover commitments, and must be able to approve scope',
  })
  @IsOptional()
  @IsUUID()
  countersignedById?: string;
}
