import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { newId } from '@cf/core';
import type { Caller } from '../caller.js';
import { formatLedgerError } from '../errors/format-error.js';
import { acceptedCorrelationId } from './correlation-id.js';
import { bearerTokenOf, verifyToken } from './jwt.js';
import type { LedgerRequest } from './request-of.js';

type WsContext = Context<Record<string, unknown> | undefined, unknown>;

/**
 * graphql-ws (subscriptions) authenticates once per socket: the client sends
 * `connectionParams: { authorization: 'Bearer <token>' }`. graphql-ws hands this same ctx to
 * the GraphQL module's `context: ({ req }) => ({ req })`, so a request-like `req` carrying the
 * caller is put on it: the bearer guard and CurrentCaller then work as over HTTP. A socket
 * without a valid token is closed with 4403 Forbidden. Each operation then gets a request of its
 * own (`context`), with its own correlation id. `tokenSecret` is the instance's (JWT_SECRET), the
 * one HTTP checks tokens with.
 */
export const graphqlWsOptions = (tokenSecret: string) => {
  return {
    onConnect: async (ctx: WsContext): Promise<boolean> => {
      const token = bearerTokenOf(ctx.connectionParams?.authorization);
      if (token === undefined) return false;
      try {
        const { actor, expiresAtMs } = await verifyToken(tokenSecret, token);
        // The socket's own id; every operation sent on it carries one of its own (context).
        const caller: Caller = { actor, correlationId: newId(), tokenExpiresAtMs: expiresAtMs };
        Object.assign(ctx, { req: { headers: {}, caller } satisfies LedgerRequest });
        return true;
      } catch {
        return false;
      }
    },
    /**
     * A copy of the socket's request per operation: what the guard adds for one operation (the
     * viewer's roles) ends with it. Its correlation id is its own, as each HTTP request's is, so
     * mutations sent minutes apart on one socket are not one in the audit log: the subscribe
     * message's `extensions.correlationId` when it is a sensible id (as `x-correlation-id` is over
     * HTTP; a header is sent once per socket), else a new one.
     */
    context: (ctx: WsContext, _id: string, payload: SubscribePayload): { req: LedgerRequest & { correlationId: string } } => {
      const socket = (ctx as { req?: LedgerRequest }).req ?? { headers: {} };
      const correlationId = acceptedCorrelationId(payload.extensions?.correlationId);
      return { req: { ...socket, correlationId, caller: socket.caller && { ...socket.caller, correlationId } } };
    },
    // Errors go out mapped like over HTTP (extensions.code), never with internals.
    onNext: (
      _ctx: WsContext,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: ExecutionResult,
    ): FormattedExecutionResult | undefined =>
      result.errors ? { ...result, errors: result.errors.map((error) => formatLedgerError(error.toJSON(), error)) } : undefined,
  };
};
