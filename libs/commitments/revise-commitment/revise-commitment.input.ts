import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar } from '@cf/ledger';

@InputType({
  description: 'A revision of an open commitment: a new estimate, due date or links (which replace the old ones), with a reason',
})
export class ReviseCommitmentInput {
  @Field(() => ID) @IsUUID() commitmentId: string;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'estimateHours must be more than zero' })
  @Max(1e6)
  estimateHours?: number;
  // Omitted keeps the due date; null is the only way to take a due date set by mistake off the record.
  @Field(() => DateScalar, { nullable: true, description: 'A new due date; null clears it, omitted keeps it' })
  @IsOptional()
  @IsString()
  dueDate?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the linked requirements' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  requirementIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Replaces the linked requests' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  requestIds?: string[];
  @Field() @IsString() @Length(1, 20000) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
