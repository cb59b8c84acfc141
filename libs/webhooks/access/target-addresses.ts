import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { webhookUrl } from '../domain/webhook-target.js';

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

/**
 * Whether an attempt may go to the URL now: the same rule as at registration, judged again on
 * what the host resolves to today (a name registered as public may have been pointed inside since).
 */
export const mayReach = async (url: string, allowPrivate: boolean, resolve: (url: string) => Promise<string[]> = addressesOf): Promise<boolean> => {
  if (allowPrivate) return true;
  try {
    webhookUrl({ url, resolvedAddresses: await resolve(url), allowPrivate });
    return true;
  } catch {
    return false;
  }
};
