import { newId } from '@cf/core';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Printable ASCII without spaces, as tracing and log pipelines pass ids along. */
const ACCEPTED = /^[\x21-\x7e]{1,100}$/;

interface CorrelatedRequest {
  headers: Record<string, string | string[] | undefined>;
  correlationId?: string;
}

/** The id a client sent when it is a sensible one, else a new one. */
export const acceptedCorrelationId = (given: unknown): string => (typeof given === 'string' && ACCEPTED.test(given) ? given : newId());

/**
 * The correlation id of an HTTP request: the caller's `x-correlation-id` when it is a sensible
 * id, else a new one. Kept on the request, so the log line, the response header and the events'
 * metadata all carry the same id whoever asks first.
 */
export const correlationIdOf = (request: CorrelatedRequest): string => {
  if (request.correlationId) return request.correlationId;
  const given = request.headers[CORRELATION_ID_HEADER];
  const text = Array.isArray(given) ? given[0] : given;
  request.correlationId = acceptedCorrelationId(text);
  return request.correlationId;
};
