import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar, IdempotencyKeyField } from '@cf/ledger';
import { SESSION_KINDS, type SessionKind } from '../domain/session.events.js';
import { MAX_SESSION_DAYS } from '../domain/session.checks.js';
import { SessionKindEnum } from '../graphql/contact.types.js';

@InputType()
export class LogContactSessionInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => DateScalar) @IsString() date: string;
  // The same bounds as the domain's (checkDays), so every out-of-range value reads the same refusal.
  @Field(() => Float, { description: 'In steps of half a day, at most 31' }) @IsNumber() @Min(0.5) @Max(MAX_SESSION_DAYS) days: number;
  @Field(() => SessionKindEnum) @IsIn(SESSION_KINDS) kind: SessionKind;
  @Field(() => [String], { description: 'User ids of the project members who met the customer' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  developerIds: string[];
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(100) @IsUUID(undefined, { each: true }) contactIds: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 20_000) notes?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
