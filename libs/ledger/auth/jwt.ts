import { type KeyObject, createSecretKey } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { DomainError, characterCount } from '@cf/core';
import type { Actor } from '@cf/event-store';
import type { Caller } from '../caller.js';
import { LINE_BREAK_OR_TAB, whyUnreadable } from '../errors/unreadable-text.pipe.js';
import { type VerifiedToken, rememberVerified, verifiedBefore, verifiedTokenId } from './verified-tokens.js';

export type { VerifiedToken } from './verified-tokens.js';

const encode = (secret: string): Uint8Array => new TextEncoder().encode(secret);

const refused = (message: string): DomainError => new DomainError('UNAUTHENTICATED', message);

/** The longest user id or name a token may carry: both are written into every event the user causes. */
const CLAIM_MAX_LENGTH = 200;

/** Who a token names: a user id that is not blank, and a name (the user id when it has none). */
const claimsOf = (payload: { sub?: unknown; name?: unknown }): Actor => {
  // Present but no text (a number, a list): said so, as of a name, not taken for a missing claim.
  if (payload.sub !== undefined && payload.sub !== null && typeof payload.sub !== 'string')
    throw refused("The bearer token's sub must be text");
  const userId = typeof payload.sub === 'string' ? payload.sub : '';
  if (userId.trim() === '') throw refused('The bearer token names no user: its sub is missing or blank');
  if (payload.name !== undefined && payload.name !== null && typeof payload.name !== 'string')
    throw refused("The bearer token's name must be text");
  const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name.trim() : userId;
  if (characterCount(userId) > CLAIM_MAX_LENGTH || characterCount(name) > CLAIM_MAX_LENGTH) {
    throw refused(`The bearer token's sub and name must be at most ${CLAIM_MAX_LENGTH} characters each`);
  }
  // Both are written into the events the caller causes: a token, not the request's input, is what is wrong.
  for (const [claim, text] of [
    ['sub', userId],
    ['name', name],
  ]) {
    const problem =
      whyUnreadable(text) ??
      (LINE_BREAK_OR_TAB.test(text) ? 'must not contain control characters (tab and line breaks included)' : undefined);
    if (problem) throw refused(`The bearer token's ${claim} ${problem}`);
  }
  // A member's user id is matched exactly: one with spaces around it could be no member's.
  if (userId !== userId.trim()) throw refused("The bearer token's sub must not begin or end with a space");
  return { userId, name };
};

/**
 * The token of an Authorization header in the Bearer scheme, whose name is case-insensitive
 * (RFC 7235 §2.1): `Bearer`, `bearer` and `BEARER` all name it. Undefined for any other header.
 */
export const bearerTokenOf = (authorization: unknown): string | undefined => {
  if (typeof authorization !== 'string') return undefined;
  const match = /^bearer +(\S.*)$/is.exec(authorization);
  return match ? match[1].trim() : undefined;
};

/**
 * The longest a token may live: one that expires further ahead is refused, since a token that
 * leaked would work for as long as it says (an `exp` a thousand years ahead is no expiry).
 */
export const LONGEST_TOKEN_LIFE_DAYS = 366;
const LONGEST_TOKEN_LIFE_MS = LONGEST_TOKEN_LIFE_DAYS * 86_400_000;
const tooLongLived = (): DomainError =>
  refused(`The bearer token expires more than ${LONGEST_TOKEN_LIFE_DAYS} days ahead; make one that lives at most a year`);

/** Seconds per unit of a lifetime such as `30d`, as jose counts them (a year of 365.25 days). */
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800, y: 31_557_600 };

/** A lifetime such as `30d` or `12h` in milliseconds, or undefined when it is not one. */
export const lifetimeMs = (lifetime: string): number | undefined => {
  const match = /^([1-9]\d*)([smhdwy])$/.exec(lifetime);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]] * 1000 : undefined;
};

/** Bearer tokens are HS256 JWTs with claims `sub` (user id) and `name`; one the API would refuse is not made. */
export const signToken = async (secret: string, actor: Actor, expiresIn = '30d'): Promise<string> => {
  const token = await new SignJWT({ name: claimsOf({ sub: actor.userId, name: actor.name }).name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.userId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encode(secret));
  if ((decodeJwt(token).exp ?? 0) * 1000 > Date.now() + LONGEST_TOKEN_LIFE_MS) throw tooLongLived();
  return token;
};

/**
 * Why a token was refused, in words a person pasting it can act on. Its signature is checked
 * before its claims, so a refused claim (jose names it, and why) is one of a token signed with
 * this service's secret: saying which one tells its maker what to mend.
 */
const refusalOf = (error: unknown): DomainError => {
  if (error instanceof DomainError) return error;
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  if (code === 'ERR_JWT_EXPIRED') return refused('The bearer token has expired; make a new one with `npm run cli -- token`');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim) {
    if (reason === 'invalid' && ['exp', 'nbf', 'iat'].includes(claim))
      return refused(`The bearer token's ${claim} must be a time in seconds since 1970 (a NumericDate)`);
    if (claim === 'exp') {
      return refused('The bearer token has no expiry (exp): tokens that never expire are refused; make one with `npm run cli -- token`');
    }
    if (claim === 'nbf') return refused("The bearer token is not valid yet: its nbf (not before) is later than this service's clock");
  }
  return refused("The bearer token is missing, expired or not signed with this service's secret");
};

/** The secret as a key, made once: importing it again for every request costs more than the check. */
const keys = new Map<string, KeyObject>();
const keyOf = (secret: string): KeyObject => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(encode(secret))));
  return key;
};

/**
 * A caller's token went past its expiry while they held on (a subscription lives for hours, a
 * graphql-ws socket authenticates once): refused as a request with it would be.
 */
export const requireUnexpiredToken = (caller: Caller, now = Date.now()): void => {
  if (caller.tokenExpiresAtMs !== undefined && now >= caller.tokenExpiresAtMs) {
    throw refused('The bearer token has expired: connect or subscribe again with a new one (`npm run cli -- token` makes one)');
  }
};

/**
 * The longest token this service could make is about 2.4 KB (two claims of 200 characters of up
 * to 4 bytes each, in base64, with its header and signature). A longer one is no token of ours:
 * refused before it is hashed, as HTTP's 16 KB header limit would, over graphql-ws too, where a
 * connectionParams token could otherwise be as long as a message (1 MB).
 */
export const LONGEST_TOKEN_CHARACTERS = 4_096;

/** Tokens must say when they expire (exp): a leaked token without one would work for ever. */
export const verifyToken = async (secret: string, token: string): Promise<VerifiedToken> => {
  if (token.length > LONGEST_TOKEN_CHARACTERS)
    throw refused(`The bearer token is over ${LONGEST_TOKEN_CHARACTERS} characters; a token this service makes is far shorter`);
  if (/\s/.test(token)) {
    throw refused('Send the token alone after "Bearer ": Authorization: Bearer <token> (was "Authorization:" or "Bearer" pasted twice?)');
  }
  const id = verifiedTokenId(secret, token);
  const known = verifiedBefore(id);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] });
    const expiresAtMs = (payload.exp ?? 0) * 1000;
    if (expiresAtMs > Date.now() + LONGEST_TOKEN_LIFE_MS) throw tooLongLived();
    return rememberVerified(id, claimsOf(payload), payload.exp ?? 0);
  } catch (error) {
    throw refusalOf(error);
  }
};
