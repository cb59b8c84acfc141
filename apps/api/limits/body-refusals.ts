import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import { OPERATION_LIMITS } from './operation-limits.js';

/** What body-parser (and the UTF-8 check) pass on when they refuse a body: http-errors' fields. */
interface BodyError extends Error {
  status?: number;
  type?: string;
  expose?: boolean;
}

/** The parser keeps the bytes it read (Nest's rawBody), before it decodes or parses them. */
type ReadBody = { rawBody?: Buffer };

const NOT_UTF8 = 'The request body is not valid UTF-8';
const NOT_AN_OBJECT = 'The request body must be a JSON object holding the query, not a bare JSON value';

const isBareJsonValue = (body: Buffer | undefined): boolean => {
  try {
    return body !== undefined && JSON.parse(body.toString('utf8')) !== undefined;
  } catch {
    return false;
  }
};

/**
 * JSON is UTF-8 (RFC 8259 §8.1): bytes that are not would be read as U+FFFD and stored, so the
 * ledger would keep a text nobody sent. Refused as malformed JSON is, 400, before any resolver
 * runs. Only JSON is checked: GraphQL comes as JSON, and Apollo's CSRF prevention refuses the
 * form bodies a browser sends bare.
 */
export const refuseMalformedUtf8 = (request: ReadBody, _response: unknown, next: (error?: Error) => void): void => {
  if (request.rawBody === undefined || isUtf8(request.rawBody)) return next();
  next(Object.assign(new Error(NOT_UTF8), { status: 400, statusCode: 400, expose: true }));
};

const messageOf = (error: BodyError, request: ReadBody): { message: string; rule?: string } => {
  // Bytes that are not UTF-8 are what is wrong, though they fail to parse too (a UTF-16 byte-order
  // mark): the parser's message would echo them back decoded as U+FFFD.
  if (request.rawBody !== undefined && !isUtf8(request.rawBody)) return { message: NOT_UTF8 };
  switch (error.type) {
    case 'entity.parse.failed':
      // The parser is strict: JSON that is no object nor array (`null`, `3`) fails with a message that calls it not JSON.
      return { message: isBareJsonValue(request.rawBody) ? NOT_AN_OBJECT : `The request body is not JSON: ${error.message}` };
    case 'entity.too.large':
      return { message: `The request body is over ${OPERATION_LIMITS.maxBytes} bytes`, rule: 'maxBytes' };
    default:
      // http-errors marks the messages a client may read (4xx); others are internal.
      return { message: error.expose === true ? error.message : 'The request body could not be read' };
  }
};

/** What a request refused before GraphQL reads it is answered with: the shape of every other refusal of the API. */
export const refusedBeforeGraphql = (message: string, rule?: string) => ({
  errors: [{ message, extensions: { code: 'BAD_REQUEST', ...(rule ? { rule } : {}) } }],
});

/**
 * A body refused before GraphQL sees it (not JSON, over the size limit, not UTF-8, an unknown
 * charset) is answered with the status the parser chose and in the shape of every other refusal
 * of the API, `{ errors: [{ message, extensions: { code } }] }`, so a client reads one shape
 * whatever refused its request, as the GraphQL-over-HTTP spec asks of a request it cannot parse.
 * Errors that are not a body's (no 4xx status) go on to Nest.
 */
export const answerBodyRefusals = (error: BodyError, request: Request, response: Response, next: NextFunction): void => {
  const status = error.status ?? 500;
  if (status < 400 || status >= 500 || response.headersSent) return next(error);
  const { message, rule } = messageOf(error, request as ReadBody);
  response.status(status).json(refusedBeforeGraphql(message, rule));
};
