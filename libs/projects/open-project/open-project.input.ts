import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class OpenProjectInput {
  /** Kept in lowercase, as every id sent (idsInLowerCase): one in capitals is the same id, never a lookalike. */
  @Field(() => ID, { nullable: true, description: 'A UUID of your choosing (kept in lowercase); made for you when left out' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field() @IsString() @Length(1, 200) name: string;

  @Field() @IsString() @Length(1, 200) customerName: string;

  @Field(() => Float) @IsNumber() @Min(0) @Max(10_000_000) budgetHours: number;

  @Field(() => Float, { nullable: true, description: 'Contact days per developer per month, in half days; 2 when left out' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(31)
  contactDaysTarget?: number;

  @IdempotencyKeyField() idempotencyKey?: string;
}
