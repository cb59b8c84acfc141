import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { WebhookDecisions } from '../access/webhook-decisions.js';
import { newWebhookSecret } from '../access/webhook-secret.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

/** Every attempt from now on, retries included, is signed with the new secret. */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand, CommandResult> {
  constructor(private readonly decisions: WebhookDecisions) {}

  execute({ input, caller }: RotateWebhookSecretCommand): Promise<CommandResult> {
    return this.decisions.onWebhook(caller, input.webhookId, 'rotate webhook secrets', ({ at, actor }) => ({
      type: 'RotateWebhookSecret', webhookId: input.webhookId, secret: newWebhookSecret(), at, actor,
    }));
  }
}
