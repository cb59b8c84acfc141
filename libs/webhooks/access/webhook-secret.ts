import { randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, readable in a header or a config file. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
