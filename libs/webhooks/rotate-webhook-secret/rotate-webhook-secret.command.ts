import { Command } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { WebhookSecretAnswer } from '../graphql/webhook.mapping.js';
import type { WebhookInput } from '../graphql/webhook.input.js';

export class RotateWebhookSecretCommand extends Command<WebhookSecretAnswer> {
  constructor(
    readonly input: WebhookInput,
    readonly caller: Caller,
    readonly keepPreviousSecretHours?: number,
  ) {
    super();
  }
}
