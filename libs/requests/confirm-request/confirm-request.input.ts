import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REQUEST_PRIORITIES, type RequestPriority } from '../domain/requests.events.js';
import { RequestPriorityEnum } from '../graphql/request.types.js';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'The contact a request is attributed to asked for it themselves' })
export class ConfirmRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The session (on or after the day it was raised) where the requester confirmed it; the team must name one, a CUSTOMER none',
  })
  @IsOptional()
  @IsUUID()
  sessionId?: string | null;
  @Field(() => RequestPriorityEnum, { nullable: true }) @IsOptional() @IsIn(REQUEST_PRIORITIES) confirmedPriority?: RequestPriority | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 20_000) note?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
