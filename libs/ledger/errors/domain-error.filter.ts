import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { DomainError } from '@cf/core';
import { notFoundNamingItsInput } from './not-found-field.js';

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

/**
 * DomainErrors are answers, not failures: they go to the client as they are (GraphQL maps
 * them in formatLedgerError) and are not logged as crashes.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return notFoundNamingItsInput(error, GqlArgumentsHost.create(host).getArgs());
    if (host.getType<string>() !== 'http') return error;
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details });
    return undefined;
  }
}
