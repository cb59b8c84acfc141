import type { Actor } from '@cf/event-store';

/**
 * Tokens verified lately, by secret, each until it expires: the same bytes under the same secret
 * verify the same way until then, and the signature check was the costliest step of a request
 * (as API gateways cache a checked JWT). Refusals are never kept. Bounded: the oldest go first.
 */
const VERIFIED_KEPT = 1_000;

/** Who a verified token names, and when it stops being good (epoch ms). */
export interface VerifiedToken {
  actor: Actor;
  expiresAtMs: number;
}

const verified = new Map<string, VerifiedToken>();

/** The key a token is kept by: the same token under another secret is another check. */
export const verifiedTokenId = (secret: string, token: string): string => `${secret}\u0000${token}`;

/** A token verified before and not expired yet; an expired one is forgotten. */
export const verifiedBefore = (id: string): VerifiedToken | undefined => {
  const known = verified.get(id);
  if (known && Date.now() < known.expiresAtMs) return known;
  verified.delete(id);
  return undefined;
};

/** Keeps a token just verified, until its expiry (`exp`, in seconds). */
export const rememberVerified = (id: string, actor: Actor, exp: number): VerifiedToken => {
  if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value as string);
  const token = { actor, expiresAtMs: exp * 1000 };
  verified.set(id, token);
  return token;
};
