import { isIP } from 'node:net';

/**
 * Why a value cannot be the address the API listens on (HOST), or undefined when it can. Unset,
 * it listens on every interface, as a service behind a proxy or in a container needs; `127.0.0.1`
 * keeps it to this machine. An address, not a name: a name resolving to several addresses would
 * listen on one of them, chosen by the resolver.
 */
export const listenHostProblem = (value: string): string | undefined =>
  isIP(value) === 0 ? `must be an IP address to listen on, e.g. 127.0.0.1, 0.0.0.0 or :: (got "${value}")` : undefined;
