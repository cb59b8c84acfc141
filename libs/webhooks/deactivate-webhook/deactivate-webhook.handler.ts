import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { WebhookDecisions } from '../access/webhook-decisions.js';
import { DeactivateWebhookCommand } from './deactivate-webhook.command.js';

/** A deactivated webhook is told nothing more; what it was still owed is listed CANCELLED. */
@CommandHandler(DeactivateWebhookCommand)
export class DeactivateWebhookHandler implements ICommandHandler<DeactivateWebhookCommand, CommandResult> {
  constructor(private readonly decisions: WebhookDecisions) {}

  execute({ input, caller }: DeactivateWebhookCommand): Promise<CommandResult> {
    return this.decisions.onWebhook(
      caller,
      input.webhookId,
      'deactivate webhooks',
      ({ actor }) => ({
        type: 'DeactivateWebhook',
        webhookId: input.webhookId,
        actor,
      }),
      { keyed: input },
    );
  }
}
