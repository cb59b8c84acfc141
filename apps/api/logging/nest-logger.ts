import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest passes its context (the class that logs) as the last string after the message. */
const contextOf = (params: unknown[]): { context?: string } => {
  const last = params.at(-1);
  return typeof last === 'string' ? { context: last } : {};
};

/**
 * Nest's own messages (start, routes, shutdown) as lines of the operations log. Kept by hand
 * instead of nestjs-pino: that package runs every request inside an AsyncLocalStorage, and on
 * Node 20 any AsyncLocalStorage hooks every promise of the process (≈ 10 % of a query's CPU in
 * the http bench's profile), for a request-scoped logger nothing here uses — each operation's
 * line carries its correlation id itself.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.pino.info(contextOf(params), String(message));
  }

  /**
   * Nest's (message, stack, context); an Error with fields of its own (`{ correlationId }`); or a
   * message with the Error that caused it (as @nestjs/cqrs writes): an Error goes as pino's `err`,
   * with its stack. A logger without a context passes none.
   */
  error(message: unknown, ...params: unknown[]): void {
    const { context } = contextOf(params);
    const [detail] = context === undefined ? params : params.slice(0, -1);
    const err = message instanceof Error ? message : detail instanceof Error ? detail : undefined;
    const fields = {
      ...(context === undefined ? {} : { context }),
      ...(typeof detail === 'string' ? { stack: detail } : {}),
      ...(detail !== null && typeof detail === 'object' && !(detail instanceof Error) ? detail : {}),
      ...(err ? { err } : {}),
    };
    this.pino.error(fields, message instanceof Error ? message.message : String(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.pino.warn(contextOf(params), String(message));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.pino.debug(contextOf(params), String(message));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.pino.trace(contextOf(params), String(message));
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.pino.fatal(contextOf(params), String(message));
  }
}
