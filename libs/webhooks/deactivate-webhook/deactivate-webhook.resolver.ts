import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { WebhookInput } from '../graphql/webhook.input.js';
import { toWebhook } from '../graphql/webhook.mapping.js';
import { WebhookPayload } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { DeactivateWebhookCommand } from './deactivate-webhook.command.js';

@Resolver()
export class DeactivateWebhookResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => WebhookPayload, { description: 'MANAGER only. The webhook is told nothing more.' })
  async deactivateWebhook(@Args('input') input: WebhookInput, @CurrentCaller() caller: Caller): Promise<WebhookPayload> {
    const result = await this.commandBus.execute(new DeactivateWebhookCommand(input, caller));
    const webhook = await webhooksReadModel(this.eventSourcing.readModels).webhook(input.webhookId);
    return { position: result.position.toString(), webhook: toWebhook(readBack(webhook, result.position, 'webhook')) };
  }
}
