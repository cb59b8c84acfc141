import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the secret exactly as it was shown. */
export const signatureOf = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
