import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { RESPONSE_STANCES, type ResponseStance } from '../domain/requests.events.js';
import { ResponseStanceEnum } from '../graphql/request.types.js';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class RespondToRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => ResponseStanceEnum) @IsIn(RESPONSE_STANCES) stance: ResponseStance;
  @Field() @IsString() @Length(1, 20000) message: string;
  @Field(() => Float, {
    nullable: true,
    description:
      'Required when the stance is ESTIMATE; any other stance may name hours too (an acceptance or an alternative often says what it would take), and they are kept with it',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1e6)
  estimateHours?: number;
  @IdempotencyKeyField() idempotencyKey?: string;
}
