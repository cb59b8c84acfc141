import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType({ description: 'Change the fields given, with a reason and what caused it' })
export class ReviseRequirementInput {
  @Field(() => ID) @IsUUID() requirementId: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 20_000) text?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(1e6) estimateHours?: number;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() requestId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() sessionId?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
