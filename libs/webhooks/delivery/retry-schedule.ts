import type { DeliveryStatus } from '../domain/webhooks.events.js';

export interface AttemptOutcome {
  status: Exclude<DeliveryStatus, 'CANCELLED' | 'SKIPPED'>;
  /** When to try again (ISO), for a delivery still PENDING. */
  nextAttemptAt: string;
}

/**
 * What follows the `attempt`-th attempt (1 for the first) made at `at`: DELIVERED on a 2xx;
 * otherwise a retry after the schedule's wait for it, spread by ±20 % (`random` in [0, 1)) so
 * receivers that come back are not hit by every delivery at once; FAILED after the last wait.
 */
export const afterAttempt = (
  attempt: number,
  acknowledged: boolean,
  at: Date,
  retrySeconds: readonly number[],
  random: number,
): AttemptOutcome => {
  if (acknowledged) return { status: 'DELIVERED', nextAttemptAt: at.toISOString() };
  if (attempt > retrySeconds.length) return { status: 'FAILED', nextAttemptAt: at.toISOString() };
  const waitMs = retrySeconds[attempt - 1] * 1_000 * (0.8 + 0.4 * random);
  return { status: 'PENDING', nextAttemptAt: new Date(at.getTime() + waitMs).toISOString() };
};

/** A 2xx answer acknowledges a delivery; anything else (or none) asks for a retry. */
export const isAcknowledged = (statusCode: number | null): boolean => statusCode !== null && statusCode >= 200 && statusCode < 300;
