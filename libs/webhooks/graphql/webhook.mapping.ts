import type { CommandResult } from '@cf/event-store';
import type { WebhookRegistered } from '../domain/webhooks.events.js';
import type { WebhookRow } from '../outbox/webhooks.rows.js';
import type { Webhook, WebhookWithSecret } from './webhook.types.js';

/** A webhook as listed: everything but its secret. */
export const toWebhook = ({ secret: _secret, ...webhook }: WebhookRow): Webhook => webhook;

/** What registration and rotation answer: the webhook with the secret the handler made, not read back from a read model. */
export interface WebhookSecretAnswer extends CommandResult {
  webhook: WebhookWithSecret;
}

/** The webhook as its registration decided it. */
export const registeredWebhook = ({ data }: WebhookRegistered): WebhookWithSecret => ({
  id: data.webhookId,
  projectId: data.projectId,
  url: data.url,
  events: data.events,
  description: data.description ?? null,
  active: true,
  registeredAt: data.at,
  secret: data.secret,
});
