/**
 * Whether an error is the store (or the read models' database) not answering, rather than a
 * fault of the request or of the code: the connection refused, dropped or timed out, the server
 * shutting down or full. A client may send the request again, later or to another instance.
 */
const SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** PostgreSQL's SQLSTATEs of a server that cannot serve now: class 08 (connection), shutting down, starting, too many connections. */
const UNSERVED = /^(08...|57P0[123]|53300)$/;

/** node-postgres's own words for a connection lost or never made (it gives these no code). */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection terminated unexpectedly',
];

export const isStoreUnreachable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SYSTEM_CODES.has(code) || UNSERVED.test(code))) return true;
  return PG_MESSAGES.some((message) => error.message.startsWith(message));
};

export const STORE_UNREACHABLE_MESSAGE =
  'The store did not answer: send it again, later or to another instance. A mutation may have been recorded: read before sending it again, or send it with the same idempotencyKey';
