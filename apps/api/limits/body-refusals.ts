import type { NextFunction, Request, Response } from 'express';
import { OPERATION_LIMITS } from './operation-limits.js';

/** What body-parser (and the UTF-8 check) pass on when they refuse a body: http-errors' fields. */
interface BodyError extends Error {
  status?: number;
  type?: string;
  expose?: boolean;
}

const messageOf = (error: BodyError): { message: string; rule?: string } => {
  switch (error.type) {
    case 'entity.parse.failed':
      return { message: `The request body is not JSON: ${error.message}` };
    case 'entity.too.large':
      return { message: `The request body is over ${OPERATION_LIMITS.maxBytes} bytes`, rule: 'maxBytes' };
    default:
      // http-errors marks the messages a client may read (4xx); others are internal.
      return { message: error.expose === true ? error.message : 'The request body could not be read' };
  }
};

/**
 * A body refused before GraphQL sees it (not JSON, over the size limit, not UTF-8, an unknown
 * charset) is answered with the status the parser chose and in the shape of every other refusal
 * of the API, `{ errors: [{ message, extensions: { code } }] }`, so a client reads one shape
 * whatever refused its request, as the GraphQL-over-HTTP spec asks of a request it cannot parse.
 * Errors that are not a body's (no 4xx status) go on to Nest.
 */
export const answerBodyRefusals = (error: BodyError, _request: Request, response: Response, next: NextFunction): void => {
  const status = error.status ?? 500;
  if (status < 400 || status >= 500 || response.headersSent) return next(error);
  const { message, rule } = messageOf(error);
  response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', ...(rule ? { rule } : {}) } }] });
};
