import { DEFAULT_RETRY_SECONDS, loadDeliverySettings } from './delivery-settings.js';
import { afterAttempt, isAcknowledged } from './retry-schedule.js';

const at = new Date('2026-03-01T09:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms).toISOString();

describe('the retry schedule', () => {
  it('acknowledges on a 2xx answer only', () => {
    expect([200, 204, 299].map(isAcknowledged)).toEqual([true, true, true]);
    expect([null, 199, 301, 404, 500].map(isAcknowledged)).toEqual([false, false, false, false, false]);
    expect(afterAttempt(1, true, at, [1, 5], 0.5)).toEqual({ status: 'DELIVERED', nextAttemptAt: at.toISOString() });
  });

  it('waits each step of the schedule, spread by at most a fifth either way', () => {
    expect(afterAttempt(1, false, at, [1, 5], 0.5)).toEqual({ status: 'PENDING', nextAttemptAt: later(1_000) });
    expect(afterAttempt(2, false, at, [1, 5], 0)).toEqual({ status: 'PENDING', nextAttemptAt: later(4_000) });
    expect(afterAttempt(2, false, at, [1, 5], 0.999_999).nextAttemptAt <= later(6_000)).toBe(true);
  });

  it('fails a delivery after the last wait', () => {
    expect(afterAttempt(3, false, at, [1, 5], 0.5)).toEqual({ status: 'FAILED', nextAttemptAt: at.toISOString() });
  });

  it('retries for about a day by default, starting within seconds', () => {
    const total = DEFAULT_RETRY_SECONDS.reduce((sum, seconds) => sum + seconds, 0);
    expect(DEFAULT_RETRY_SECONDS.slice(0, 4)).toEqual([1, 5, 30, 120]);
    expect(total).toBeGreaterThan(20 * 3_600);
    expect(total).toBeLessThanOrEqual(24 * 3_600);
  });

  it('reads its schedule, timeout and the private-target switch from the environment', () => {
    expect(
      loadDeliverySettings({ WEBHOOK_RETRY_SECONDS: '0.2, 0.5', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_ALLOW_PRIVATE: 'true' }),
    ).toMatchObject({
      retrySeconds: [0.2, 0.5],
      timeoutMs: 2_000,
      allowPrivate: true,
    });
    expect(loadDeliverySettings({})).toMatchObject({ retrySeconds: DEFAULT_RETRY_SECONDS, timeoutMs: 10_000, allowPrivate: false });
    expect(() => loadDeliverySettings({ WEBHOOK_RETRY_SECONDS: '1,soon' })).toThrow(/WEBHOOK_RETRY_SECONDS/);
    expect(() => loadDeliverySettings({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(loadDeliverySettings({}).workingWeek).toEqual({
      days: [1, 2, 3, 4, 5],
      startHour: 9,
      endHour: 17,
      timeZone: 'UTC',
      holidays: new Set<string>(),
    });
    expect(
      loadDeliverySettings({ WEBHOOK_WORKING_DAYS: '0,6', WEBHOOK_WORKING_HOURS: '0-24', WEBHOOK_TIME_ZONE: 'Europe/Berlin' }).workingWeek,
    ).toEqual({ days: [0, 6], startHour: 0, endHour: 24, timeZone: 'Europe/Berlin', holidays: new Set() });
    expect(loadDeliverySettings({ WEBHOOK_HOLIDAYS: '2026-12-25, 2026-12-26' }).workingWeek.holidays).toEqual(
      new Set(['2026-12-25', '2026-12-26']),
    );
    expect(() => loadDeliverySettings({ WEBHOOK_WORKING_HOURS: '17-9' })).toThrow(/WEBHOOK_WORKING_HOURS/);
    expect(() => loadDeliverySettings({ WEBHOOK_WORKING_DAYS: '1,7' })).toThrow(/WEBHOOK_WORKING_DAYS/);
  });
});
