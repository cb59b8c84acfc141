import { inspect } from 'node:util';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from '@cf/core';
import { notFoundNamingItsInput } from './not-found-field.js';
import { isStoreUnreachable } from './store-unreachable.js';
import { loggedInternalError } from './logged-internal-errors.js';

const HTTP_STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RULE_VIOLATED: 422,
  RATE_LIMITED: 429,
  NOT_YET_READABLE: 503,
  UNAVAILABLE: 503,
};

const internalErrors = new Logger('GraphQL: internal error');

/** The correlation id of the operation a resolver ran in, over HTTP or graphql-ws (both contexts hold `req`). */
const correlationIdIn = (host: ArgumentsHost): string | undefined =>
  (GqlArgumentsHost.create(host).getContext() as { req?: { correlationId?: string } } | undefined)?.req?.correlationId;

/**
 * Every error a resolver or controller throws passes here once (a field resolver's too:
 * fieldResolverEnhancers). DomainErrors are answers, not failures: they go to the client as they
 * are (GraphQL maps them in formatLedgerError). Of the rest in GraphQL, a store that does not
 * answer is no fault of the code (formatLedgerError answers it UNAVAILABLE, and the operation's
 * own line says so and why): not logged as a crash, which during an outage would be two error
 * lines per operation. A real internal error is logged here once, with its stack and its
 * operation's correlation id, instead of by Nest's ExceptionsHandler (which knows no request);
 * GraphQL's own errors are formatLedgerError's to judge. Anything else outside GraphQL is left to
 * Nest's own answer.
 */
@Catch()
export class LedgerErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<string>();
    if (error instanceof DomainError) return this.answer(error, host, type);
    // Returned, not answered: Nest answers HTTP as it would without this filter (an HTTP request is left to it by an Error returned).
    if (type !== 'graphql') return error instanceof Error ? error : new Error(String(error));
    // A thrown value that is no Error, kept readable (graphql-js would say "Unexpected error value").
    const raised = error instanceof Error ? error : new Error(`a resolver threw a value that is no Error: ${inspect(error)}`);
    if (!(raised instanceof GraphQLError) && !isStoreUnreachable(raised)) {
      internalErrors.error(raised, { correlationId: correlationIdIn(host) });
      loggedInternalError.add(raised);
    }
    throw raised;
  }

  private answer(error: DomainError, host: ArgumentsHost, type: string): unknown {
    // Thrown on, never returned as the field's value, which a wrapper of the field (the customer view) would take for its object.
    if (type === 'graphql') throw notFoundNamingItsInput(error, GqlArgumentsHost.create(host).getArgs());
    if (type !== 'http') return error;
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details });
    return undefined;
  }
}
