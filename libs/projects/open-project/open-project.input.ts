import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType()
export class OpenProjectInput {
  /**
   * UUIDs are case-insensitive (RFC 9562 §4): a chosen id is kept in lowercase, as the service
   * writes its own, so one in capitals is the same id, never a lookalike of an existing one.
   */
  @Field(() => ID, { nullable: true, description: 'A UUID of your choosing (kept in lowercase); made for you when left out' })
  @IsOptional()
  @IsUUID()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
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

  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) idempotencyKey?: string;
}
