import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import type { Options as HttpLogOptions } from 'pino-http';
import { CORRELATION_ID_HEADER, correlationIdOf, type LedgerRequest } from '@cf/ledger';
import type { OperationsConfig } from '../observability/operations-config.js';
import { refusedAsUnavailable } from '../web/unavailable.js';

export const OPERATIONS_LOG = Symbol('OPERATIONS_LOG');

/** JSON lines on stdout; LOG_FORMAT=pretty for a developer's terminal (pino-pretty in a worker). */
export const operationsLog = (config: Pick<OperationsConfig, 'logLevel' | 'logFormat'>): Logger =>
  pino({
    level: config.logLevel,
    base: { service: 'customer-contact-ledger' },
    ...(config.logFormat === 'pretty' ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  });

/** Probes and scrapes would only be noise. */
const NOT_LOGGED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Requests the operation plugin wrote a line for, as a GraphQL operation: their plain request
 * line is left out. One refused before it became an operation (a body that is not JSON, a
 * method GraphQL does not take, a batch) gets the plain line, so every request leaves one.
 */
export const LOGGED_AS_OPERATION = new WeakSet<object>();

/** The path alone: a query string may carry a token (`/portal?token=…`) or anything else a client put there. */
const pathOf = (url: string): string => url.split('?', 1)[0];

/**
 * pino-http for every HTTP request: it gives the request its correlation id (the caller's
 * x-correlation-id or a new one) and returns it as a response header. Requests are logged by
 * method and path only: headers carry bearer tokens, and query strings may.
 */
export const httpLogOptions = (logger: Logger): HttpLogOptions => ({
  logger,
  genReqId: (request: IncomingMessage, response: ServerResponse) => {
    const id = correlationIdOf(request as IncomingMessage & LedgerRequest);
    response.setHeader(CORRELATION_ID_HEADER, id);
    return id;
  },
  customAttributeKeys: { reqId: 'correlationId' },
  quietReqLogger: true,
  autoLogging: { ignore: (request) => NOT_LOGGED.test(request.url ?? '') },
  customLogLevel: (request, response, error) => {
    if (refusedAsUnavailable.has(response)) return 'warn';
    return error || response.statusCode >= 500 ? 'error' : LOGGED_AS_OPERATION.has(request) ? 'silent' : 'info';
  },
  serializers: {
    req: (request: { method: string; url: string }) => ({ method: request.method, path: pathOf(request.url) }),
    res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    // pino-http makes an error of its own for an answer of 500 or more ("failed with status code 503"): its stack
    // points into pino-http and says nothing of the request, which its other fields do.
    err: (error: { message?: string }) => ({ message: error.message }),
  },
});
