import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { WebhookInput } from '../graphql/webhook.input.js';
import { WebhookSecretPayload } from '../graphql/webhook.types.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

@Resolver()
export class RotateWebhookSecretResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => WebhookSecretPayload, { description: 'MANAGER only. The answer is the one time the new secret is shown.' })
  async rotateWebhookSecret(@Args('input') input: WebhookInput, @CurrentCaller() caller: Caller): Promise<WebhookSecretPayload> {
    const { position, webhook } = await this.commandBus.execute(new RotateWebhookSecretCommand(input, caller));
    return { position: position.toString(), webhook };
  }
}
