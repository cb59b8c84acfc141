import type { Logger } from 'pino';
import { DidNotAnswer } from './answered-within.js';

/** How long the same failure of the store is written once: probes ask every few seconds while it lasts. */
export const SAME_FAILURE_QUIET_MS = 60_000;

/** The failures written lately, by route and message, with when: a map of a few entries while the store fails. */
const written = new Map<string, number>();

/** Whether this failure is news to the log: a new message, or the same one after a quiet minute. */
const isNews = (route: string, message: string, now: number): boolean => {
  const key = `${route}\n${message}`;
  const last = written.get(key);
  if (last !== undefined && now - last < SAME_FAILURE_QUIET_MS) return false;
  for (const [seen, at] of written) if (now - at >= SAME_FAILURE_QUIET_MS) written.delete(seen);
  written.set(key, now);
  return true;
};

/**
 * What a health route, which answers anyone, says about a store (or the read models) that failed. A driver's message
 * names hosts, ports, users and databases, so the answer carries only the error's code
 * (ECONNREFUSED, ENOTFOUND, a PostgreSQL SQLSTATE such as 28P01) or our own timeout, and the
 * whole message goes to the operations log, where an operator reads it: once a minute for the same
 * failure, not at every probe.
 */
export const publicStoreFailure = (error: unknown, log: Logger, route: string, now = Date.now(), what = 'the store'): Error => {
  if (error instanceof DidNotAnswer) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isNews(route, message, now)) log.warn({ route, err: message }, `${what} failed a health check`);
  const code = (error as { code?: unknown } | null | undefined)?.code;
  const named = typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code) ? ` (${code})` : '';
  return new Error(`${what} failed to answer${named}; its message is in the operations log`);
};
