import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
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
 * Every error a resolver or controller throws passes here once. DomainErrors are answers, not
 * failures: they go to the client as they are (GraphQL maps them in formatLedgerError). Of the
 * rest in GraphQL, a store that does not answer is no fault of the code (formatLedgerError
 * answers it UNAVAILABLE, and the operation's own line says so): not logged as a crash, which
 * during an outage would be two error lines per operation. A real internal error is logged here
 * once, with its stack and its operation's correlation id, instead of by Nest's ExceptionsHandler
 * (which knows no request). Anything else outside GraphQL is left to Nest's own answer.
 */
@Catch()
export class LedgerErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<string>();
    if (error instanceof DomainError) return this.answer(error, host, type);
    if (type === 'graphql' && error instanceof Error && !isStoreUnreachable(error)) {
      internalErrors.error(error, { correlationId: correlationIdIn(host) });
      loggedInternalError.add(error);
    }
    // Returned, not answered: GraphQL reports it (formatLedgerError), and Nest answers HTTP as it would without this filter
    // (an HTTP request is left to it only by an Error returned).
    return error instanceof Error ? error : new Error(String(error));
  }

  private answer(error: DomainError, host: ArgumentsHost, type: string): unknown {
    if (type === 'graphql') return notFoundNamingItsInput(error, GqlArgumentsHost.create(host).getArgs());
    if (type !== 'http') return error;
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details });
    return undefined;
  }
}
