import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { WebhookSecretPayload } from '../graphql/webhook.types.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';
import { RegisterWebhookInput } from './register-webhook.input.js';

@Resolver()
export class RegisterWebhookResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => WebhookSecretPayload, { description: 'MANAGER only. The answer is the one time the secret is shown.' })
  async registerWebhook(@Args('input') input: RegisterWebhookInput, @CurrentCaller() caller: Caller): Promise<WebhookSecretPayload> {
    const { position, webhook } = await this.commandBus.execute(new RegisterWebhookCommand(input, caller));
    return { position: position.toString(), webhook };
  }
}
