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

  it('says in whole seconds when the next operation is allowed', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect(limiter.secondsUntilNext('ada')).toBe(0);
    for (let i = 0; i < 4; i++) limiter.take('ada');
    expect(limiter.secondsUntilNext('ada')).toBe(20);
    now += 19_500;
    expect(limiter.secondsUntilNext('ada')).toBe(1);
    now += 500;
    expect(limiter.secondsUntilNext('ada')).toBe(0);
    expect(limiter.take('ada')).toBe(true);
  });

  it("takes an operation's fields all or none, and says when all of them fit, or that they never will", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect(limiter.take('ada', 2)).toBe(true);
    expect(limiter.take('ada', 2)).toBe(false);
    expect(limiter.secondsUntilNext('ada', 2)).toBe(20);
    expect(limiter.take('ada', 1)).toBe(true);
    expect(limiter.secondsUntilNext('ada', 3)).toBe(60);
    expect(limiter.secondsUntilNext('ada', 4)).toBeUndefined();
    now += 60_000;
    expect(limiter.take('ada', 4)).toBe(false);
    expect(limiter.take('ada', 3)).toBe(true);
  });
});
