import { ConfigError } from '@cf/ledger';
import { loadDeliverySettings } from './delivery-settings.js';

describe('loadDeliverySettings', () => {
  it('takes a timeout and a poll interval up to the longest wait a timer keeps', () => {
    expect(loadDeliverySettings({ WEBHOOK_TIMEOUT_MS: '2147483647', WEBHOOK_POLL_MS: '2147483647' })).toMatchObject({
      timeoutMs: 2_147_483_647,
      pollMs: 2_147_483_647,
    });
  });

  it.each([
    // Past 2^31 - 1 ms a timer fires at once: every attempt would fail at once, the dispatcher would spin.
    [{ WEBHOOK_TIMEOUT_MS: '3000000000' }, 'WEBHOOK_TIMEOUT_MS must be a number above 0 and at most 2147483647 (got "3000000000")'],
    [{ WEBHOOK_POLL_MS: '2147483648' }, 'WEBHOOK_POLL_MS must be a number above 0 and at most 2147483647 (got "2147483648")'],
    [{ WEBHOOK_TIMEOUT_MS: 'Infinity' }, 'WEBHOOK_TIMEOUT_MS must be a number above 0 and at most 2147483647 (got "Infinity")'],
  ])('refuses %j, naming the variable and the rule', (env, message) => {
    expect(() => loadDeliverySettings(env)).toThrow(ConfigError);
    expect(() => loadDeliverySettings(env)).toThrow(`Invalid configuration: ${message}`);
  });
});
