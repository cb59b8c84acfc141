import type { WebhookRow } from '../outbox/webhooks.read-model.js';
import type { Webhook, WebhookWithSecret } from './webhook.types.js';

/** A webhook as listed: everything but its secret. */
export const toWebhook = ({ secret: _secret, ...webhook }: WebhookRow): Webhook => webhook;

export const toWebhookWithSecret = (row: WebhookRow): WebhookWithSecret => row;
