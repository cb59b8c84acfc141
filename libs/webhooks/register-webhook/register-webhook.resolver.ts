import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { toWebhookWithSecret } from '../graphql/webhook.mapping.js';
import { WebhookSecretPayload } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';
import { RegisterWebhookInput } from './register-webhook.input.js';

@Resolver()
export class RegisterWebhookResolver {
  constructor(private readonly commandBus: CommandBus, private readonly ledger: Ledger) {}

  @Mutation(() => WebhookSecretPayload, { description: 'MANAGER only. The answer is the one time the secret is shown.' })
  async registerWebhook(@Args('input') input: RegisterWebhookInput, @CurrentCaller() caller: Caller): Promise<WebhookSecretPayload> {
    const result = await this.commandBus.execute(new RegisterWebhookCommand(input, caller));
    const webhook = await webhooksReadModel(this.ledger.readModels).webhook(idOfStream(result.stream));
    return { position: result.position.toString(), webhook: toWebhookWithSecret(webhook!) };
  }
}
