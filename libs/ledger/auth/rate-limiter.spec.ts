import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then refills over time, per user', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('ada'))).toEqual([true, true, true, false]);
    expect(limiter.take('bob')).toBe(true);
    now += 20_000;
    expect(limiter.take('ada')).toBe(true);
    expect(limiter.take('ada')).toBe(false);
  });
});
