import { BlockList, isIP } from 'node:net';
import { DomainError } from '@cf/core';

/**
 * Addresses a webhook may not reach unless private targets are allowed: this host, its networks,
 * link-local, benchmarking and protocol ranges, and the IPv6 forms that carry an IPv4 address a
 * gateway would reach (IPv4-compatible, IPv4-translated, NAT64, 6to4, Teredo) or are site-local.
 */
const PRIVATE_TARGETS = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_TARGETS.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  // IETF protocol assignments, as 192.0.0.0/24: Teredo (2001::/32, which carries an IPv4 address) and benchmarking (2001:2::/48) among them.
  ['2001::', 23],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE_TARGETS.addSubnet(network, prefix, 'ipv6');
}

/** An IPv6 address that carries an IPv4 one (::ffff:10.0.0.1) is judged by the IPv4 one. */
const mappedIpv4 = (address: string): string | undefined => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];

export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '');
  const v4 = mappedIpv4(bare);
  if (v4) return isPrivateAddress(v4);
  const family = isIP(bare);
  if (family === 0) return false;
  return PRIVATE_TARGETS.check(bare, family === 4 ? 'ipv4' : 'ipv6');
};

export interface WebhookTarget {
  readonly url: string;
  /** The addresses the host resolved to when the command was made; null when it did not resolve (in time). */
  readonly resolvedAddresses: readonly string[] | null;
  /** Whether private, loopback and link-local targets are allowed here (on-premise use, tests). */
  readonly allowPrivate: boolean;
}

const PORT_RULE = 'must name a port from 1 to 65535';

/** Whether the URL's text names a port above 65535, which URL refuses without saying why. */
const portBeyondRange = (url: string): boolean => {
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  const port = /:(\d+)$/.exec(authority)?.[1];
  return port !== undefined && Number(port) > 65535;
};

/** What a URL parser drops or rewrites without a word (a tab, a line break) or encodes (a space): a typo it would hide. */
// eslint-disable-next-line no-control-regex -- these are the characters meant
const UNWRITTEN = /[\s\u0000-\u001f\u007f]/;

/**
 * A URL a webhook may be registered with: one a parser takes as written, but for its form, so
 * what a MANAGER sees listed is the address deliveries go to; what a parser would drop or rewrite
 * unseen (white space, control characters, a fragment, which is never sent) is refused. Only at
 * registration: a webhook registered before keeps being sent to its URL as it was kept.
 */
export const writtenAsPosted = (url: string): string => {
  if (UNWRITTEN.test(url))
    throw DomainError.badInput('url', 'must not hold spaces, tabs, line breaks or other control characters (a space in a path is %20)');
  if (url.includes('#')) throw DomainError.badInput('url', 'must not carry a fragment (#…): it is never sent to the receiver');
  return url;
};

/**
 * A URL a webhook may be sent to: http or https, and unless allowed, not a private, loopback or
 * link-local host (neither written as one nor resolving to one). Returns the URL as it is posted
 * to (WHATWG's form: scheme and host in lowercase, `http:/host` as `http://host/`).
 */
export const webhookUrl = ({ url, resolvedAddresses, allowPrivate }: WebhookTarget): string => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw DomainError.badInput('url', portBeyondRange(url) ? PORT_RULE : 'must be an absolute http or https URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw DomainError.badInput('url', 'must be an http or https URL');
  if (parsed.username || parsed.password) throw DomainError.badInput('url', 'must not carry a user name or password');
  // Port 0 is no port a receiver can listen on: every delivery would fail.
  if (parsed.port === '0') throw DomainError.badInput('url', PORT_RULE);
  if (allowPrivate) return parsed.href;
  if (resolvedAddresses === null) throw DomainError.badInput('url', 'must name a host that resolves');
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const named = host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal');
  if (named || isPrivateAddress(host) || resolvedAddresses.some(isPrivateAddress)) {
    throw DomainError.badInput('url', 'must not be a private, loopback, link-local or special-purpose address');
  }
  return parsed.href;
};
