/**
 * Whether an error is the store (or the read models' database) not answering, rather than a
 * fault of the request or of the code: the connection refused, dropped or timed out, the server
 * shutting down or full. A client may send the request again, later or to another instance.
 */
const SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * PostgreSQL's SQLSTATEs of a server that cannot serve now: a connection that failed or was lost
 * (class 08, but not 08P01, a protocol violation, which a statement of the code's own can cause),
 * shutting down, starting, too many connections.
 */
const UNSERVED = /^(0800[0-6]|57P0[123]|53300)$/;

/** EventStoreDB's client's errors of a server it cannot reach (their `type`). */
const EVENTSTOREDB_UNSERVED = new Set(['unavailable', 'deadline-exceeded']);

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
  const type = (error as { type?: unknown }).type;
  if (typeof type === 'string' && EVENTSTOREDB_UNSERVED.has(type)) return true;
  return PG_MESSAGES.some((message) => error.message.startsWith(message));
};

export const STORE_UNREACHABLE_MESSAGE = 'The store did not answer: send it again, later or to another instance';

/** What a mutation the store did not answer adds (answeredAsAccepted): its append may have been carried out. */
export const MUTATION_IN_DOUBT =
  'The mutation may have been recorded: read before sending it again, or send it with the same idempotencyKey';
