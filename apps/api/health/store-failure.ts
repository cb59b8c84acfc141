import type { Logger } from 'pino';
import { DidNotAnswer } from './answered-within.js';

/**
 * What a health route, which answers anyone, says about a store that failed. A driver's message
 * names hosts, ports, users and databases, so the answer carries only the error's code
 * (ECONNREFUSED, ENOTFOUND, a PostgreSQL SQLSTATE such as 28P01) or our own timeout, and the
 * whole message goes to the operations log, where an operator reads it.
 */
export const publicStoreFailure = (error: unknown, log: Logger, route: string): Error => {
  if (error instanceof DidNotAnswer) return error;
  log.warn({ route, err: error instanceof Error ? error.message : String(error) }, 'the store failed a health check');
  const code = (error as { code?: unknown } | null | undefined)?.code;
  const named = typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code) ? ` (${code})` : '';
  return new Error(`the store failed to answer${named}; its message is in the operations log`);
};
