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

  /** Takes one token for the user; false when the bucket is empty. */
  take(userId: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.perMinute, at: now };
    const refilled = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    const allowed = refilled >= 1;
    this.buckets.set(userId, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > 100_000) this.forgetFullBuckets();
    return allowed;
  }

  /** Whole seconds until the user's bucket holds a token again (0 when it holds one now): what Retry-After says. */
  secondsUntilNext(userId: string): number {
    const bucket = this.buckets.get(userId);
    if (!bucket) return 0;
    const refilled = bucket.tokens + ((this.now() - bucket.at) * this.perMinute) / 60_000;
    return refilled >= 1 ? 0 : Math.ceil(((1 - refilled) * 60) / this.perMinute);
  }

  private forgetFullBuckets(): void {
    for (const [userId, bucket] of this.buckets) if (bucket.tokens >= this.perMinute - 1) this.buckets.delete(userId);
  }
}
