import { DomainError } from '@cf/core';
import type { Caller } from '../caller.js';
import { correlationIdOf } from './correlation-id.js';
import { bearerTokenOf, verifyToken } from './jwt.js';
import type { LedgerRequest } from './request-of.js';

/**
 * Who sent an HTTP request, from its bearer token (the first, when the header came twice); kept
 * on the request by whoever asks first (the unguarded-operations limit, else the bearer guard),
 * so the token is verified once per request. Throws UNAUTHENTICATED or the token's refusal.
 */
export const callerOfRequest = async (secret: string, request: LedgerRequest): Promise<Caller> => {
  if (request.caller) return request.caller;
  const authorization = request.headers.authorization;
  const token = bearerTokenOf(Array.isArray(authorization) ? authorization[0] : authorization);
  if (token === undefined) throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
  const { actor, expiresAtMs } = await verifyToken(secret, token);
  request.caller = { actor, correlationId: correlationIdOf(request), tokenExpiresAtMs: expiresAtMs };
  return request.caller;
};
