import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class RedeliverWebhookDeliveryInput {
  @Field(() => ID) @IsUUID() deliveryId: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
