import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** A new signing secret: 32 random bytes, readable in a header or a config file. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The addresses a webhook URL's host resolves to, for the decider to judge (a public name may
 * point inside the network). Empty when it is an address already, is no URL, or does not resolve in time.
 */
export const addressesOf = async (url: string): Promise<string[]> => {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return [];
  }
  if (isIP(host) !== 0) return [];
  const resolved = lookup(host, { all: true }).then((found) => found.map((a) => a.address), () => []);
  const late = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 2_000).unref());
  return Promise.race([resolved, late]);
};
