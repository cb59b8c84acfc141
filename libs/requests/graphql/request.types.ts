import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { DateTimeScalar } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_PRIORITIES,
  RESPONSE_STANCES,
  type RequestChannel,
  type RequestKind,
  type RequestPriority,
  type ResponseStance,
} from '../domain/requests.events.js';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/requests.state.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const RequestKindEnum = enumOf(REQUEST_KINDS);
registerEnumType(RequestKindEnum, { name: 'RequestKind' });
export const RequestChannelEnum = enumOf(REQUEST_CHANNELS);
registerEnumType(RequestChannelEnum, { name: 'RequestChannel', description: 'DIRECT names its contact session, PROXY who relayed it' });
export const RequestStatusEnum = enumOf(REQUEST_STATUSES);
registerEnumType(RequestStatusEnum, { name: 'RequestStatus' });
export const RequestPriorityEnum = enumOf(REQUEST_PRIORITIES);
registerEnumType(RequestPriorityEnum, { name: 'RequestPriority' });
export const ResponseStanceEnum = enumOf(RESPONSE_STANCES);
registerEnumType(ResponseStanceEnum, { name: 'ResponseStance' });

@ObjectType('RequestResponse', { description: 'What a developer answered to a request' })
export class RequestAnswer {
  @Field(() => ResponseStanceEnum) stance: ResponseStance;
  @Field() message: string;
  @Field(() => Float, { nullable: true }) estimateHours: number | null;
  @Field(() => DateTimeScalar) at: string;
  @Field(() => UserRef) respondedBy: UserRef;
}

/**
 * A request as the portal sees it. The ids below without @Field are for field resolvers
 * (requestedBy, relayedBy, session, and those other contexts add), not for clients.
 */
@ObjectType('Request')
export class Request {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => RequestKindEnum) kind: RequestKind;
  @Field(() => RequestChannelEnum) channel: RequestChannel;
  @Field(() => RequestStatusEnum) status: RequestStatus;
  @Field(() => Int, { description: 'How many events the request has had: send it back as expectedRevision' }) revision: number;
  @Field(() => DateTimeScalar) raisedAt: string;
  @Field({
    description:
      'Whether the contact it is attributed to asked for it first-hand: DIRECT and WRITTEN from the start, PROXY once confirmed. History: a session voided later does not undo it (askedWithAuthority is the standing today)',
  })
  confirmed: boolean;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it became first-hand: raisedAt for DIRECT and WRITTEN, the first confirmation for PROXY',
  })
  confirmedAt: string | null;
  @Field(() => RequestPriorityEnum, { nullable: true, description: 'The priority as relayed when raised' })
  statedPriority: RequestPriority | null;
  @Field(() => RequestPriorityEnum, {
    nullable: true,
    description: 'The priority its requester confirmed, as the first confirmation stating one gave it',
  })
  confirmedPriority: RequestPriority | null;
  projectId: string;
  requestedById: string;
  relayedById: string | null;
  sessionId: string | null;
}

@ObjectType({ description: 'What a request mutation answers: where its last event landed, and the request after it' })
export class RequestPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Request) request: Request;
}

@InputType()
export class RequestFilter {
  @Field(() => RequestStatusEnum, { nullable: true }) @IsOptional() @IsIn(REQUEST_STATUSES) status?: RequestStatus;
  @Field(() => RequestChannelEnum, { nullable: true }) @IsOptional() @IsIn(REQUEST_CHANNELS) channel?: RequestChannel;
  @Field(() => RequestKindEnum, { nullable: true }) @IsOptional() @IsIn(REQUEST_KINDS) kind?: RequestKind;
}
