import { Command } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { WebhookSecretAnswer } from '../graphql/webhook.mapping.js';
import type { RegisterWebhookInput } from './register-webhook.input.js';

export class RegisterWebhookCommand extends Command<WebhookSecretAnswer> {
  constructor(
    readonly input: RegisterWebhookInput,
    readonly caller: Caller,
  ) {
    super();
  }
}
