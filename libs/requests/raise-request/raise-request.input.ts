import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_PRIORITIES,
  type RequestChannel,
  type RequestKind,
  type RequestPriority,
} from '../domain/requests.events.js';
import { RequestChannelEnum, RequestKindEnum, RequestPriorityEnum } from '../graphql/request.types.js';

@InputType()
export class RaiseRequestInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field() @IsString() @Length(1, 200) title: string;
  @Field() @IsString() @Length(0, 20000) description: string;
  @Field(() => RequestKindEnum) @IsIn(REQUEST_KINDS) kind: RequestKind;
  @Field(() => RequestChannelEnum) @IsIn(REQUEST_CHANNELS) channel: RequestChannel;
  @Field(() => ID, { description: 'The contact who asked' }) @IsUUID() requestedById: string;
  @Field(() => ID, { nullable: true, description: 'Required for PROXY: the contact who passed it on' })
  @IsOptional()
  @IsUUID()
  relayedById?: string;
  @Field(() => ID, { nullable: true, description: 'Required for DIRECT: the contact session where it was made' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(500) @IsUUID(undefined, { each: true }) requirementIds?: string[];
  @Field(() => RequestPriorityEnum, { nullable: true, description: 'The priority as relayed or stated' })
  @IsOptional()
  @IsIn(REQUEST_PRIORITIES)
  statedPriority?: RequestPriority | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
