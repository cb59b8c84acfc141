import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode, getVariableValues } from 'graphql';
import { DomainError } from '@cf/core';
import {
  type LedgerConfig,
  type LedgerRequest,
  RateLimiter,
  callerOfRequest,
  fragmentsOf,
  reportRateLimited,
  topLevelFields,
  userRateLimited,
} from '@cf/ledger';

/** What the GraphQL context holds over HTTP: the Express request. */
interface AddressedRequest extends LedgerRequest {
  socket?: { remoteAddress?: string };
}

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
 * Over graphql-ws a socket whose token does not verify is closed (4403); an operation of meta
 * fields alone sent on it takes one from its user's limit the same way (GraphqlWsTransport).
 */
export const unguardedRateLimit = (
  config: LedgerConfig,
  perUser: RateLimiter,
  tokenSecret: string,
): ApolloServerPlugin<{ req: AddressedRequest }> => {
  const perAddress = new RateLimiter(config.anonymousRateLimitPerMinute);
  // A token that does not verify names no one: the guard refuses it, with its reason, if the operation reaches it.
  const callerOf = (request: LedgerRequest): Promise<string | undefined> =>
    callerOfRequest(tokenSecret, request).then(
      (caller) => caller.actor.userId,
      () => undefined,
    );
  return {
    requestDidStart: async ({ contextValue: { req } }) => ({
      didResolveOperation: async (context) => {
        const userId = await callerOf(req);
        const refused =
          userId === undefined
            ? refusalOver(perAddress, req.socket?.remoteAddress ?? '', addressRateLimited)
            : !context.operation || reachesResolvers(context.schema, context.operation, context.document, context.request.variables)
              ? undefined
              : metaOnlyRefusal(perUser, userId);
        if (refused) throw refused;
      },
    }),
  };
};

/**
 * Whether any field the operation runs at its top has a resolver, and so the guard's charge.
 * Apollo and graphql-ws have picked the operation; variables that do not fit are refused before
 * anything runs.
 */
export const reachesResolvers = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): boolean => {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
  if (coerced.errors) return true;
  return topLevelFields(operation, fragmentsOf(document), coerced.coerced).some((field) => !field.name.value.startsWith('__'));
};

/** Takes one from the user's bucket for an operation no resolver answers, or says why it is refused. */
export const metaOnlyRefusal = (perUser: RateLimiter, userId: string): GraphQLError | undefined =>
  refusalOver(perUser, userId, (seconds) => userRateLimited(1, seconds));

/** Takes one from the key's bucket, or refuses the operation whole before it runs. */
const refusalOver = (limiter: RateLimiter, key: string, refusal: (retryAfterSeconds: number) => DomainError): GraphQLError | undefined => {
  if (limiter.take(key)) return undefined;
  reportRateLimited();
  // One token is never more than a minute holds.
  const refused = refusal(limiter.secondsUntilNext(key) ?? 60);
  // Apollo reads the status from `extensions.http`; formatLedgerError answers the DomainError inside.
  return new GraphQLError(refused.message, { originalError: refused, extensions: { http: { status: 429 } } });
};

const addressRateLimited = (retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', `Too many operations without a bearer token from this address; retry in ${retryAfterSeconds} s`, {
    rule: 'anonymousRateLimitPerMinute',
    retryAfterSeconds,
  });
