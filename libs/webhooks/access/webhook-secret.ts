import { randomBytes } from 'node:crypto';
import { FORGOTTEN } from '@cf/core';
import { SEALED_PREFIX } from '@cf/personal-data';
import { webhookErrors } from '../domain/webhooks.errors.js';

/** A new signing secret: 32 random bytes, readable in a header or a config file. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Sealed in the log with the webhook's own key, like contacts' personal data: exports and
 * read models hold `enc:v1:` values, and only the dispatcher opens them, to send and to sign
 * (GraphQL answers to a MANAGER open the URL, never the secret). The URL is sealed because its
 * path or query often carries the receiver's token; its origin is logged in plain beside it.
 */
export const SEALED_WEBHOOK_FIELDS = ['url', 'secret'] as const;

/**
 * Whether an unsealed value can be used. Its key not in this store (a log imported or copied
 * without its keys), or not opening it, leaves the text that stands in for it or the sealed text
 * every export holds: a signature with either is one anyone can make, and neither is an address.
 */
export const isOpened = (text: string): boolean => text !== FORGOTTEN && !text.includes(SEALED_PREFIX);

/**
 * The secret a retry by its idempotency key shows again, as unsealed from the first answer's event:
 * the one check both registration and rotation make before showing it. One that cannot be opened
 * any more is refused, never shown as the text that stands in for it, which an integrator would
 * take for the secret and sign with.
 */
export const openedReplayedSecret = (webhookId: string, opened: string): string => {
  if (!isOpened(opened)) throw webhookErrors.replayedSecretLost(webhookId);
  return opened;
};

/** Why a delivery whose URL cannot be opened fails without being sent: nothing but registering again brings the URL back. */
export const URL_NOT_OPENED =
  "not sent: the webhook's URL cannot be opened, its key is not in this store (a log copied without its keys); register the webhook again";

/** Why a delivery whose signing secret cannot be opened fails without being sent. */
export const SECRET_NOT_OPENED =
  "not sent: the webhook's signing secret cannot be opened, its key is not in this store (a log copied without its keys); rotate its secret";
