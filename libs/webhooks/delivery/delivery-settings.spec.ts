import { ConfigError } from '@cf/ledger';
import { loadDeliverySettings } from './delivery-settings.js';

describe('loadDeliverySettings', () => {
  it('takes a timeout and a poll interval up to the longest wait a timer keeps', () => {
    expect(loadDeliverySettings({ WEBHOOK_TIMEOUT_MS: '2147483647', WEBHOOK_POLL_MS: '2147483647' })).toMatchObject({
      timeoutMs: 2_147_483_647,
      pollMs: 2_147_483_647,
    });
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
    [{ WEBHOOK_WORKING_DAYS: '1,,5' }, 'WEBHOOK_WORKING_DAYS must list weekdays from 0 (Sunday) to 6 (got "1,,5")'],
    [{ WEBHOOK_WORKING_DAYS: '1.5' }, 'WEBHOOK_WORKING_DAYS must list weekdays from 0 (Sunday) to 6 (got "1.5")'],
    [{ WEBHOOK_CONCURRENCY: '2.5' }, 'WEBHOOK_CONCURRENCY must be a whole number of at least 1 (got "2.5")'],
    [{ WEBHOOK_CONCURRENCY: '0' }, 'WEBHOOK_CONCURRENCY must be a whole number of at least 1 (got "0")'],
  ])('refuses %j, naming the variable and the rule', (env, message) => {
    expect(() => loadDeliverySettings(env)).toThrow(ConfigError);
    expect(() => loadDeliverySettings(env)).toThrow(`Invalid configuration: ${message}`);
  });
});
