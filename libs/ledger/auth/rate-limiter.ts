import { DomainError } from '@cf/core';

/**
 * A token bucket per user: `perMinute` operations a minute on average, bursts up to the same
 * number. Kept in memory: each API instance limits on its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `count` tokens for the user, all or none; false when the bucket holds fewer. */
  take(userId: string, count = 1): boolean {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.perMinute, at: now };
    const refilled = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    const allowed = refilled >= count;
    this.buckets.set(userId, { tokens: allowed ? refilled - count : refilled, at: now });
    if (this.buckets.size > 100_000) this.forgetFullBuckets();
    return allowed;
  }

  /**
   * Whole seconds until the user's bucket holds `count` tokens (0 when it does now): what Retry-After
   * says. Undefined when it never will: a bucket holds at most `perMinute`.
   */
  secondsUntilNext(userId: string, count = 1): number | undefined {
    if (count > this.perMinute) return undefined;
    const bucket = this.buckets.get(userId);
    if (!bucket) return 0;
    const refilled = bucket.tokens + ((this.now() - bucket.at) * this.perMinute) / 60_000;
    return refilled >= count ? 0 : Math.ceil(((count - refilled) * 60) / this.perMinute);
  }

  private forgetFullBuckets(): void {
    for (const [userId, bucket] of this.buckets) if (bucket.tokens >= this.perMinute - 1) this.buckets.delete(userId);
  }
}

/**
 * The refusal of an operation over RATE_LIMIT_PER_MINUTE: when to retry, or, for more top-level
 * fields than a minute holds (`retryAfterSeconds` undefined), that waiting never lets them through.
 */
export const userRateLimited = (fields: number, retryAfterSeconds: number | undefined): DomainError =>
  retryAfterSeconds === undefined
    ? new DomainError(
        'RATE_LIMITED',
        `This operation asks for ${fields} top-level fields, more than RATE_LIMIT_PER_MINUTE lets one minute hold: ask for fewer at once`,
        { rule: 'rateLimitPerMinute' },
      )
    : new DomainError('RATE_LIMITED', `Too many operations (each top-level field counts one); retry in ${retryAfterSeconds} s`, {
        rule: 'rateLimitPerMinute',
        retryAfterSeconds,
      });
