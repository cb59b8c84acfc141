import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { WebhookDecisions } from '../access/webhook-decisions.js';
import type { NewEvent } from '@cf/event-store';
import { type EventSealer, PersonalData } from '@cf/personal-data';
import { webhookErrors } from '../domain/webhooks.errors.js';
import type { WebhookSecretRotated } from '../domain/webhooks.events.js';
import { SEALED_WEBHOOK_FIELDS, newWebhookSecret, openedReplayedSecret } from '../access/webhook-secret.js';
import { type WebhookSecretAnswer, toWebhook } from '../graphql/webhook.mapping.js';
import type { WebhookRow } from '../outbox/webhooks.rows.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

/** The secret is sealed with the sealer made while deciding: never appended in plaintext. */
const sealedBy = (seal: EventSealer | undefined, events: NewEvent[]): NewEvent[] => {
  if (!seal) throw new Error('the secret is sealed with a sealer made while deciding');
  return seal(events);
};

/**
 * Every attempt from now on, retries included, is signed with the new secret (and, for the hours
 * asked, with the one it replaces too: secret-overlap.ts): made here, and answered as made; a
 * retry by its idempotency key answers the first rotation's, opened from the log. A webhook whose
 * sealed URL lost its key is refused: a new key would seal the secret but never open the URL (a
 * webhook registered before URLs were sealed keeps its URL, and a new key is how its lost secret
 * is replaced).
 */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand, WebhookSecretAnswer> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly decisions: WebhookDecisions,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller, keepPreviousSecretHours }: RotateWebhookSecretCommand): Promise<WebhookSecretAnswer> {
    const secret = newWebhookSecret();
    const decidedOn: { webhook?: WebhookRow; seal?: EventSealer } = {};
    // The hours kept are part of what a key binds: a retry that asks for others is another rotation.
    const rotation = { ...input, keepPreviousSecretHours };
    const result = await this.decisions.onWebhook(
      caller,
      input.webhookId,
      'rotate webhook secrets',
      async (context) => {
        if (await this.personalData.isLost(context.webhook.url)) throw webhookErrors.urlLost(input.webhookId);
        decidedOn.webhook = context.webhook;
        decidedOn.seal = await this.personalData.sealerFor(input.webhookId, SEALED_WEBHOOK_FIELDS);
        return { type: 'RotateWebhookSecret', webhookId: input.webhookId, secret, keepPreviousSecretHours, actor: context.actor };
      },
      { sealEvents: (events) => sealedBy(decidedOn.seal, events), keyed: rotation },
    );
    if (!decidedOn.webhook) throw DomainError.notFound('Webhook', input.webhookId); // onWebhook decides on the webhook it found, or refuses
    // A retry by its idempotency key shows the first rotation's secret, which its sender never saw if the answer was lost.
    const shown = result.replayed ? await this.firstSecret(input.webhookId, result.position) : secret;
    return { ...result, webhook: { ...toWebhook(decidedOn.webhook), secret: shown } };
  }

  private async firstSecret(webhookId: string, position: bigint): Promise<string> {
    const rotated = (await this.eventSourcing.eventAt(position)) as unknown as WebhookSecretRotated | undefined;
    if (rotated?.type !== 'WebhookSecretRotated') throw new Error(`the rotation answered again is not at position ${position}`);
    return openedReplayedSecret(webhookId, await this.personalData.unseal(rotated.data.secret));
  }
}
