import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar, IdempotencyKeyField } from '@cf/ledger';
import { SESSION_KINDS, type SessionKind } from '../domain/session.events.js';
import { MAX_SESSION_DAYS } from '../domain/session.checks.js';
import { SessionKindEnum } from '../graphql/contact.types.js';

@InputType({ description: 'Corrects a contact session, with a reason; fields left out stay as they are' })
export class CorrectContactSessionInput {
  @Field(() => ID) @IsUUID() sessionId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() date?: string | null;
  @Field(() => Float, { nullable: true, description: 'In steps of half a day, at most 31' })
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(MAX_SESSION_DAYS)
  days?: number | null;
  @Field(() => SessionKindEnum, { nullable: true }) @IsOptional() @IsIn(SESSION_KINDS) kind?: SessionKind | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the developers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  developerIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the contacts' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  contactIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: it did not happen and counts nowhere' }) @IsOptional() @IsBoolean() voided?:
    boolean | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
