import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { WebhookInput } from '../graphql/webhook.input.js';
import { WebhookSecretPayload } from '../graphql/webhook.types.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

@Resolver()
export class RotateWebhookSecretResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => WebhookSecretPayload, {
    description:
      'MANAGER only. The answer is the one time the new secret is shown; sent again with its idempotencyKey, it shows the same one, even if it was rotated again since',
  })
  async rotateWebhookSecret(
    @Args('input') input: WebhookInput,
    // An argument beside the input, not a field of it: WebhookInput names a webhook for every webhook mutation.
    @Args('keepPreviousSecretHours', {
      type: () => Int,
      nullable: true,
      description:
        'Hours (whole, at most 168) the secret it replaces still signs deliveries beside the new one, so receivers can roll the new one out; none or 0: it stops at once',
    })
    keepPreviousSecretHours: number | null | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookSecretPayload> {
    const { position, webhook } = await this.commandBus.execute(
      new RotateWebhookSecretCommand(input, caller, keepPreviousSecretHours ?? undefined),
    );
    return { position: position.toString(), webhook };
  }
}
