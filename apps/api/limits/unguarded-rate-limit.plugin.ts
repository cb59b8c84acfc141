import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { GraphQLError, getVariableValues } from 'graphql';
import { DomainError } from '@cf/core';
import {
  type LedgerConfig,
  RateLimiter,
  bearerTokenOf,
  fragmentsOf,
  reportRateLimited,
  resolveJwtSecret,
  topLevelFields,
  userRateLimited,
  verifyToken,
} from '@cf/ledger';

/** What the GraphQL context holds over HTTP: the Express request. */
interface AddressedRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}
type Resolved = GraphQLRequestContextDidResolveOperation<{ req: AddressedRequest }>;

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * The rate limit of operations the bearer guard never sees. The guard charges the caller's fields
 * (RATE_LIMIT_PER_MINUTE) when the first of them resolves, but `__schema`, `__type` and
 * `__typename` reach no resolver, and a caller without a valid token (none, a made-up or an
 * expired one, or adding a field the guard then refuses) was answered them without being counted:
 * a flood of introspections slowed every other caller.
 *
 * So, before an operation runs: one without a token that verifies takes one from its address's
 * limit (ANONYMOUS_RATE_LIMIT_PER_MINUTE; its only name is its address, and callers with tokens
 * behind the same address are not slowed by those without); one with a valid token that runs no
 * resolver takes one from its user's limit, the guard's own. Refused whole: 429 and the same
 * RATE_LIMITED answer as the guard's, with a Retry-After header (retry-after.plugin.ts).
 *
 * HTTP only: graphql-ws closes a socket whose token does not verify (4403), and over it the meta
 * fields alone are cheap to ask for again and again only at the rate its messages come.
 */
export const unguardedRateLimit = (config: LedgerConfig, perUser: RateLimiter): ApolloServerPlugin<{ req: AddressedRequest }> => {
  const perAddress = new RateLimiter(config.anonymousRateLimitPerMinute);
  let secret: string | undefined;
  const callerOf = async (request: AddressedRequest): Promise<string | undefined> => {
    const token = bearerTokenOf(header(request.headers.authorization));
    if (token === undefined) return undefined;
    secret ??= resolveJwtSecret(config).secret;
    return verifyToken(secret, token).then(
      ({ actor }) => actor.userId,
      () => undefined,
    );
  };
  return {
    requestDidStart: async ({ contextValue: { req } }) => ({
      didResolveOperation: async (context) => {
        const userId = await callerOf(req);
        if (userId === undefined) return charge(perAddress, req.socket?.remoteAddress ?? '', addressRateLimited);
        if (!reachesResolvers(context)) charge(perUser, userId, (seconds) => userRateLimited(1, seconds));
      },
    }),
  };
};

/** Whether any field the operation runs at its top has a resolver, and so the guard's charge. */
const reachesResolvers = ({ schema, operation, document, request }: Resolved): boolean => {
  // Apollo resolves the operation before this hook: one it could not pick was refused already.
  if (!operation) return true;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
  // Variables that do not fit are refused before anything runs.
  if (coerced.errors) return true;
  return topLevelFields(operation, fragmentsOf(document), coerced.coerced).some((field) => !field.name.value.startsWith('__'));
};

/** Takes one from the key's bucket, or refuses the operation whole before it runs. */
const charge = (limiter: RateLimiter, key: string, refusal: (retryAfterSeconds: number) => DomainError): void => {
  if (limiter.take(key)) return;
  reportRateLimited();
  // One token is never more than a minute holds.
  const refused = refusal(limiter.secondsUntilNext(key) ?? 60);
  // Apollo reads the status from `extensions.http`; formatLedgerError answers the DomainError inside.
  throw new GraphQLError(refused.message, { originalError: refused, extensions: { http: { status: 429 } } });
};

const addressRateLimited = (retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', `Too many operations without a bearer token from this address; retry in ${retryAfterSeconds} s`, {
    rule: 'anonymousRateLimitPerMinute',
    retryAfterSeconds,
  });
