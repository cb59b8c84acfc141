import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@cf/ledger';
import { DELIVERY_STATUSES, type DeliveryStatus, WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhooks.events.js';

export const WebhookEventEnum = Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, e])) as Record<WebhookEvent, WebhookEvent>;
registerEnumType(WebhookEventEnum, { name: 'WebhookEvent', description: 'What a webhook can be told about' });
export const DeliveryStatusEnum = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, s])) as Record<DeliveryStatus, DeliveryStatus>;
registerEnumType(DeliveryStatusEnum, { name: 'WebhookDeliveryStatus' });

@ObjectType({ description: 'One notice to one webhook: attempted until a 2xx answer, or FAILED after about a day of retries' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Stable across retries and redeliveries: the x-ledger-delivery header' }) id: string;
  @Field(() => WebhookEventEnum) event: WebhookEvent;
  @Field(() => DeliveryStatusEnum) status: DeliveryStatus;
  @Field(() => Int, {
    description:
      'Times it was sent to the receiver since it was queued or last redelivered; one never sent (nothing could be opened, or its registrant manages no more) counts none',
  })
  attempts: number;
  @Field(() => Int, { nullable: true, description: 'The answer to the last attempt; null when none came in time' }) lastStatusCode:
    number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt got no answer (no host, a refused target or connection, a timeout), or why none was made',
  })
  lastError: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastAttemptAt: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a PENDING delivery is attempted next' }) nextAttemptAt: string | null;
  @Field({ description: 'Global position of the event it tells about (decimal string)' }) position: string;
}

@ObjectType({ description: 'Where a project tells other systems what happened; its secret is never listed' })
export class Webhook {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() url: string;
  @Field(() => [WebhookEventEnum]) events: WebhookEvent[];
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() active: boolean;
  @Field(() => DateTimeScalar) registeredAt: string;
}

@ObjectType({ description: 'A webhook with its signing secret: shown only when registered or rotated' })
export class WebhookWithSecret extends Webhook {
  @Field({ description: 'Key of the HMAC-SHA256 in x-ledger-signature, exactly as shown here' }) secret: string;
}

@ObjectType({ description: 'What registration and rotation answer: the only time the secret is shown' })
export class WebhookSecretPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => WebhookWithSecret) webhook: WebhookWithSecret;
}

@ObjectType()
export class WebhookPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Webhook) webhook: Webhook;
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => WebhookDelivery) delivery: WebhookDelivery;
}
