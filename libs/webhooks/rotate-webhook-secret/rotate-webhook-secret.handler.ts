import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { WebhookDecisions } from '../access/webhook-decisions.js';
import { PersonalData } from '@cf/personal-data';
import { SEALED_WEBHOOK_FIELDS, newWebhookSecret } from '../access/webhook-secret.js';
import { type WebhookSecretAnswer, toWebhook } from '../graphql/webhook.mapping.js';
import type { WebhookRow } from '../outbox/webhooks.read-model.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

/** Every attempt from now on, retries included, is signed with the new secret: made here, and answered as made. */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand, WebhookSecretAnswer> {
  constructor(
    private readonly decisions: WebhookDecisions,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: RotateWebhookSecretCommand): Promise<WebhookSecretAnswer> {
    const secret = newWebhookSecret();
    const decidedOn: { webhook?: WebhookRow } = {};
    const result = await this.decisions.onWebhook(
      caller,
      input.webhookId,
      'rotate webhook secrets',
      (context) => {
        decidedOn.webhook = context.webhook;
        return { type: 'RotateWebhookSecret', webhookId: input.webhookId, secret, actor: context.actor };
      },
      { sealEvents: await this.personalData.sealerFor(input.webhookId, SEALED_WEBHOOK_FIELDS) },
    );
    if (!decidedOn.webhook) throw DomainError.notFound('Webhook', input.webhookId); // onWebhook decides on the webhook it found, or refuses
    return { ...result, webhook: { ...toWebhook(decidedOn.webhook), secret } };
  }
}
