import { ConfigError } from '@cf/ledger';
import { loadDeliverySettings } from './delivery-settings.js';

describe('loadDeliverySettings', () => {
  it('takes a timeout and a poll interval up to the longest wait a timer keeps', () => {
    expect(loadDeliverySettings({ WEBHOOK_TIMEOUT_MS: '2147483647', WEBHOOK_POLL_MS: '2147483647' })).toMatchObject({
      timeoutMs: 2_147_483_647,
      pollMs: 2_147_483_647,
    });
  });

  it('takes periods of up to a hundred years', () => {
    const century = { WEBHOOK_RETENTION_DAYS: '36500', WEBHOOK_CONTACT_DAYS_GRACE_HOURS: '876000', WEBHOOK_RETRY_SECONDS: '3153599999,1' };
    expect(loadDeliverySettings(century)).toMatchObject({ retentionDays: 36_500, contactDaysGraceHours: 876_000 });
    expect(loadDeliverySettings({ WEBHOOK_FIRST_RESPONSE_HOURS: '20800' }).firstResponseHours).toBe(20_800);
  });

  it('takes attempts in flight as a whole number, 2 when unset or empty', () => {
    expect(loadDeliverySettings({ WEBHOOK_CONCURRENCY: '3' }).concurrency).toBe(3);
    expect(loadDeliverySettings({ WEBHOOK_CONCURRENCY: '' }).concurrency).toBe(2);
    expect(loadDeliverySettings({}).concurrency).toBe(2);
  });

  it.each([
    // Past 2^31 - 1 ms a timer fires at once: every attempt would fail at once, the dispatcher would spin.
    [{ WEBHOOK_TIMEOUT_MS: '3000000000' }, 'WEBHOOK_TIMEOUT_MS must be a number above 0 and at most 2147483647 (got "3000000000")'],
    [{ WEBHOOK_POLL_MS: '2147483648' }, 'WEBHOOK_POLL_MS must be a number above 0 and at most 2147483647 (got "2147483648")'],
    [{ WEBHOOK_TIMEOUT_MS: 'Infinity' }, 'WEBHOOK_TIMEOUT_MS must be a number above 0 and at most 2147483647 (got "Infinity")'],
    // An empty item is a slip of the keyboard, never a default: 1,,2 is not 1,1,2, nor 1,,5 Sunday.
    [{ WEBHOOK_RETRY_SECONDS: '1,,2' }, 'WEBHOOK_RETRY_SECONDS must list numbers of seconds above 0, separated by commas (got "1,,2")'],
    [{ WEBHOOK_RETRY_SECONDS: '1,soon' }, 'WEBHOOK_RETRY_SECONDS must list numbers of seconds above 0, separated by commas (got "1,soon")'],
    [{ WEBHOOK_RETRY_SECONDS: '1, ' }, 'WEBHOOK_RETRY_SECONDS must list numbers of seconds above 0, separated by commas (got "1, ")'],
    // Past a hundred years a due time lies beyond the calendar: no delivery would ever be sent.
    [{ WEBHOOK_RETENTION_DAYS: '999999999' }, 'WEBHOOK_RETENTION_DAYS must be a number above 0 and at most 36500 (got "999999999")'],
    // Working hours: ten years of the default week (5 days of 8 hours) are 20,800 of them.
    [{ WEBHOOK_FIRST_RESPONSE_HOURS: '30000' }, 'WEBHOOK_FIRST_RESPONSE_HOURS must be a number above 0 and at most 20800 (got "30000")'],
    [
      { WEBHOOK_FIRST_RESPONSE_HOURS: '600', WEBHOOK_WORKING_DAYS: '1', WEBHOOK_WORKING_HOURS: '9-10' },
      'WEBHOOK_FIRST_RESPONSE_HOURS must be a number above 0 and at most 520 (got "600")',
    ],
    [
      { WEBHOOK_CONTACT_DAYS_GRACE_HOURS: '1e12' },
      'WEBHOOK_CONTACT_DAYS_GRACE_HOURS must be a number above 0 and at most 876000 (got "1e12")',
    ],
    [
      { WEBHOOK_RETRY_SECONDS: '1,1e13' },
      'WEBHOOK_RETRY_SECONDS must add up to at most 3153600000 seconds, a hundred years (got "1,1e13")',
    ],
    [{ WEBHOOK_WORKING_DAYS: '1,,5' }, 'WEBHOOK_WORKING_DAYS must list weekdays from 0 (Sunday) to 6 (got "1,,5")'],
    [{ WEBHOOK_WORKING_DAYS: '1.5' }, 'WEBHOOK_WORKING_DAYS must list weekdays from 0 (Sunday) to 6 (got "1.5")'],
    [
      { WEBHOOK_TIME_ZONE: 'Europe/Berlinn' },
      'WEBHOOK_TIME_ZONE must be a time zone of the tz database, e.g. Europe/Berlin or UTC (got "Europe/Berlinn")',
    ],
    [{ WEBHOOK_TIME_ZONE: '' }, 'WEBHOOK_TIME_ZONE must be a time zone of the tz database, e.g. Europe/Berlin or UTC (got "")'],
    [
      { WEBHOOK_HOLIDAYS: '2026-12-25,2026-02-30' },
      'WEBHOOK_HOLIDAYS must list calendar dates (YYYY-MM-DD), separated by commas (got "2026-12-25,2026-02-30")',
    ],
    [{ WEBHOOK_CONCURRENCY: '2.5' }, 'WEBHOOK_CONCURRENCY must be a whole number of at least 1 (got "2.5")'],
    [{ WEBHOOK_CONCURRENCY: '0' }, 'WEBHOOK_CONCURRENCY must be a whole number of at least 1 (got "0")'],
  ])('refuses %j, naming the variable and the rule', (env, message) => {
    expect(() => loadDeliverySettings(env)).toThrow(ConfigError);
    expect(() => loadDeliverySettings(env)).toThrow(`Invalid configuration: ${message}`);
  });
});
