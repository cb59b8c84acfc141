import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { Context } from 'graphql-ws';
import { newId } from '@cf/core';
import type { Caller } from '../caller.js';
import type { LedgerConfig } from '../config/ledger-config.js';
import { formatLedgerError } from '../errors/format-error.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { bearerTokenOf, verifyToken } from './jwt.js';
import type { LedgerRequest } from './request-of.js';

type WsContext = Context<Record<string, unknown> | undefined, unknown>;

/**
 * graphql-ws (subscriptions) authenticates once per socket: the client sends
 * `connectionParams: { authorization: 'Bearer <token>' }`. graphql-ws hands this same ctx to
 * the GraphQL module's `context: ({ req }) => ({ req })`, so a request-like `req` carrying the
 * caller is put on it: the bearer guard and CurrentCaller then work as over HTTP. A socket
 * without a valid token is closed with 4403 Forbidden.
 */
export const graphqlWsOptions = (config: LedgerConfig) => {
  let secret: string | undefined;
  return {
    onConnect: async (ctx: WsContext): Promise<boolean> => {
      const token = bearerTokenOf(ctx.connectionParams?.authorization);
      if (token === undefined) return false;
      secret ??= resolveJwtSecret(config).secret;
      try {
        const { actor, expiresAtMs } = await verifyToken(secret, token);
        const caller: Caller = { actor, correlationId: newId(), tokenExpiresAtMs: expiresAtMs };
        Object.assign(ctx, { req: { headers: {}, caller } satisfies LedgerRequest });
        return true;
      } catch {
        return false;
      }
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
