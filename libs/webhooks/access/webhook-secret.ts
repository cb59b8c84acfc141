import { randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, readable in a header or a config file. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Sealed in the log with the webhook's own key, like contacts' personal data: exports and
 * read models hold `enc:v1:` values, and only the dispatcher opens them, to sign.
 */
export const SEALED_WEBHOOK_FIELDS = ['secret'] as const;
