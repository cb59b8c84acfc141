import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { WebhookDecisions } from '../access/webhook-decisions.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { RedeliverWebhookDeliveryCommand } from './redeliver-webhook-delivery.command.js';

/** A delivered or failed delivery is attempted again from the start, under its own id. */
@CommandHandler(RedeliverWebhookDeliveryCommand)
export class RedeliverWebhookDeliveryHandler implements ICommandHandler<RedeliverWebhookDeliveryCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly decisions: WebhookDecisions,
  ) {}

  async execute({ input, caller }: RedeliverWebhookDeliveryCommand): Promise<CommandResult> {
    const unknown = DomainError.notFound('WebhookDelivery', input.deliveryId);
    const delivery = await webhooksReadModel(this.eventSourcing.readModels).delivery(input.deliveryId);
    if (!delivery) throw unknown;
    return this.decisions.onWebhook(
      caller,
      delivery.webhookId,
      'redeliver webhook deliveries',
      ({ actor }) => ({
        type: 'RedeliverWebhookDelivery',
        webhookId: delivery.webhookId,
        deliveryId: input.deliveryId,
        delivery: { deliveryId: delivery.id, webhookId: delivery.webhookId, status: delivery.status },
        actor,
      }),
      { unknown, keyed: input },
    );
  }
}
