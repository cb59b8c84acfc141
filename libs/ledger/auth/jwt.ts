import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '@cf/core';
import type { Actor } from '@cf/event-store';

const encode = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** Bearer tokens are HS256 JWTs with claims `sub` (user id) and `name`. */
export const signToken = async (secret: string, actor: Actor, expiresIn = '30d'): Promise<string> =>
  new SignJWT({ name: actor.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.userId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encode(secret));

export const verifyToken = async (secret: string, token: string): Promise<Actor> => {
  try {
    const { payload } = await jwtVerify(token, encode(secret), { algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('no sub');
    return { userId: payload.sub, name: typeof payload.name === 'string' ? payload.name : payload.sub };
  } catch {
    throw new DomainError('UNAUTHENTICATED', 'The bearer token is missing, expired or not signed with this service\'s secret');
  }
};
