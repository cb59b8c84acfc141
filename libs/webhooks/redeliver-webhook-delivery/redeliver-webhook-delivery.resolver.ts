import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { WebhookDeliveryPayload } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { RedeliverWebhookDeliveryCommand } from './redeliver-webhook-delivery.command.js';
import { RedeliverWebhookDeliveryInput } from './redeliver-webhook-delivery.input.js';

@Resolver()
export class RedeliverWebhookDeliveryResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'MANAGER only. Sends a DELIVERED, FAILED or SKIPPED delivery again, under the same id.',
  })
  async redeliverWebhookDelivery(
    @Args('input') input: RedeliverWebhookDeliveryInput,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryPayload> {
    const result = await this.commandBus.execute(new RedeliverWebhookDeliveryCommand(input, caller));
    const delivery = await webhooksReadModel(this.eventSourcing.readModels).delivery(input.deliveryId);
    return { position: result.position.toString(), delivery: readBack(delivery, result.position, 'delivery') };
  }
}
