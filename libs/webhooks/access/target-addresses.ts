import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** What a host name resolves to; rejects when it does not resolve (in time). */
export type HostResolver = (host: string) => Promise<string[]>;

const RESOLVE_TIMEOUT_MS = 2_000;

/** The system's resolver, given up on after two seconds. */
export const resolveHost: HostResolver = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${host} did not resolve within ${RESOLVE_TIMEOUT_MS} ms`)), RESOLVE_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true }), late]);
    if (found.length === 0) throw new Error(`${host} resolves to no address`);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
};

/** The host of a URL as a resolver takes it: no brackets around an IPv6 address, no trailing dot. */
export const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return undefined;
  }
};

/**
 * Where webhooks' hosts are looked up: one instance, so specs can answer for the name service.
 */
@Injectable()
export class TargetHosts {
  resolve: HostResolver = resolveHost;

  /**
   * The addresses a webhook URL's host resolves to, for the decider to judge (a public name may
   * point inside the network): the address itself when it is one, [] when it is no URL, and
   * null when the name does not resolve (in time), so the decider refuses it.
   */
  async addressesOf(url: string): Promise<string[] | null> {
    const host = hostOf(url);
    if (host === undefined) return [];
    if (isIP(host) !== 0) return [host];
    return this.resolve(host).catch(() => null);
  }
}
