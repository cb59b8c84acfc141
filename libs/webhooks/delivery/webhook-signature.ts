import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the secret exactly as it was shown. */
export const signatureOf = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/**
 * The x-ledger-signature header: the secret's signature, then, while a rotated-out secret still
 * signs, that one's after ", " (as Stripe lists one per secret), so a receiver holding either
 * accepts the delivery during its rollout of the new one.
 */
export const signaturesOf = (secrets: ReadonlyArray<string | undefined>, body: string): string =>
  secrets
    .filter((secret): secret is string => secret !== undefined)
    .map((secret) => signatureOf(secret, body))
    .join(', ');
