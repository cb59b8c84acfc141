import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { WebhookInput } from '../graphql/webhook.input.js';
import { toWebhookWithSecret } from '../graphql/webhook.mapping.js';
import { WebhookSecretPayload } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

@Resolver()
export class RotateWebhookSecretResolver {
  constructor(private readonly commandBus: CommandBus, private readonly ledger: Ledger) {}

  @Mutation(() => WebhookSecretPayload, { description: 'MANAGER only. The answer is the one time the new secret is shown.' })
  async rotateWebhookSecret(@Args('input') input: WebhookInput, @CurrentCaller() caller: Caller): Promise<WebhookSecretPayload> {
    const result = await this.commandBus.execute(new RotateWebhookSecretCommand(input, caller));
    const webhook = await webhooksReadModel(this.ledger.readModels).webhook(input.webhookId);
    return { position: result.position.toString(), webhook: toWebhookWithSecret(webhook!) };
  }
}
