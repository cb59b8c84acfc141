import { loadOperationsConfig } from './operations-config.js';

describe('loadOperationsConfig', () => {
  it('defaults to JSON logs at info, metrics on, and no traces', () => {
    expect(loadOperationsConfig({})).toEqual({
      logLevel: 'info',
      logFormat: 'json',
      metrics: true,
      readiness: { storeTimeoutMs: 2_000, maxProjectionLag: 1_000 },
      tracesEndpoint: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadOperationsConfig({
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      METRICS: 'off',
      READY_STORE_TIMEOUT_MS: '500',
      READY_MAX_PROJECTION_LAG: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
    });
    expect(config).toEqual({
      logLevel: 'debug',
      logFormat: 'pretty',
      metrics: false,
      readiness: { storeTimeoutMs: 500, maxProjectionLag: 0 },
      tracesEndpoint: 'http://127.0.0.1:4318',
    });
  });

  it('refuses a bad value with a message naming the variable', () => {
    expect(() => loadOperationsConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    );
    expect(() => loadOperationsConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
    expect(() => loadOperationsConfig({ METRICS: 'maybe' })).toThrow(/METRICS must be one of on, off/);
    expect(() => loadOperationsConfig({ READY_STORE_TIMEOUT_MS: '0' })).toThrow(
      /READY_STORE_TIMEOUT_MS must be a whole number from 1 to 2147483647/,
    );
    // Past the longest wait a timer keeps, the readiness check would time out at once.
    expect(() => loadOperationsConfig({ READY_STORE_TIMEOUT_MS: '3000000000' })).toThrow(
      'READY_STORE_TIMEOUT_MS must be a whole number from 1 to 2147483647 (got "3000000000")',
    );
    expect(() => loadOperationsConfig({ READY_MAX_PROJECTION_LAG: '-1' })).toThrow(
      /READY_MAX_PROJECTION_LAG must be a whole number of at least 0/,
    );
    // Empty is refused like any other bad value, not read as 0.
    expect(() => loadOperationsConfig({ READY_MAX_PROJECTION_LAG: '' })).toThrow(
      'READY_MAX_PROJECTION_LAG must be a whole number of at least 0 (got "")',
    );
  });
});
