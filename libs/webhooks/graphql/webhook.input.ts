import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'Names one webhook' })
export class WebhookInput {
  @Field(() => ID) @IsUUID() webhookId: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
