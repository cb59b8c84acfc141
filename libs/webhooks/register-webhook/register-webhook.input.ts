import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';
import type { WebhookEvent } from '../domain/webhooks.events.js';
import { WebhookEventEnum } from '../graphql/webhook.types.js';

@InputType()
export class RegisterWebhookInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field({ description: 'An http or https URL; private, loopback and link-local hosts are refused unless the installation allows them' })
  @IsString()
  @Length(1, 2_000)
  url: string;
  @Field(() => [WebhookEventEnum]) @IsArray() @ArrayMaxSize(20) events: WebhookEvent[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 500) description?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
