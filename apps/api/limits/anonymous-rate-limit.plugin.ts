import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from '@cf/core';
import { type LedgerConfig, RateLimiter, bearerTokenOf, reportRateLimited, resolveJwtSecret, verifyToken } from '@cf/ledger';

/** What the GraphQL context holds over HTTP: the Express request. */
interface AddressedRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * The rate limit of operations sent without a valid bearer token, per client address.
 *
 * The per-user limit is taken in the bearer guard, which runs only for the schema's own fields:
 * `__schema`, `__type` and `__typename` reach no resolver, so a caller without a token (or with
 * a made-up one, or adding a field the guard then refuses) is answered without being counted. Its
 * only name is its address. A caller whose token verifies is left to the per-user limit, so
 * callers with tokens behind the same address are not slowed by those without.
 *
 * HTTP only: graphql-ws closes a socket whose token does not verify (4403), so every operation
 * over it has a caller. Each operation counts one, refused whole before it runs: 429, with the
 * same RATE_LIMITED answer as the per-user limit, and a Retry-After header (retry-after.plugin.ts).
 */
export const anonymousRateLimit = (config: LedgerConfig): ApolloServerPlugin<{ req: AddressedRequest }> => {
  const limiter = new RateLimiter(config.anonymousRateLimitPerMinute);
  let secret: string | undefined;
  const identified = async (request: AddressedRequest): Promise<boolean> => {
    const token = bearerTokenOf(header(request.headers.authorization));
    if (token === undefined) return false;
    secret ??= resolveJwtSecret(config).secret;
    return verifyToken(secret, token).then(
      () => true,
      () => false,
    );
  };
  return {
    requestDidStart: async ({ contextValue: { req } }) => ({
      didResolveOperation: async () => {
        if (await identified(req)) return;
        const address = req.socket?.remoteAddress ?? '';
        if (limiter.take(address)) return;
        reportRateLimited();
        throw refusal(limiter.secondsUntilNext(address));
      },
    }),
  };
};

const refusal = (retryAfterSeconds: number): GraphQLError => {
  const refused = new DomainError(
    'RATE_LIMITED',
    `Too many operations without a bearer token from this address; retry in ${retryAfterSeconds} s`,
    {
      rule: 'anonymousRateLimitPerMinute',
      retryAfterSeconds,
    },
  );
  // Apollo reads the status from `extensions.http`; formatLedgerError answers the DomainError inside.
  return new GraphQLError(refused.message, { originalError: refused, extensions: { http: { status: 429 } } });
};
