import { loadOperationsConfig } from './operations-config.js';

describe('loadOperationsConfig', () => {
  it('defaults to JSON logs at info and metrics on', () => {
    expect(loadOperationsConfig({})).toEqual({ logLevel: 'info', logFormat: 'json', metrics: true });
  });

  it('reads every variable', () => {
    expect(loadOperationsConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty', METRICS: 'off' })).toEqual({ logLevel: 'debug', logFormat: 'pretty', metrics: false });
  });

  it('refuses a bad value with a message naming the variable', () => {
    expect(() => loadOperationsConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
    expect(() => loadOperationsConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
    expect(() => loadOperationsConfig({ METRICS: 'maybe' })).toThrow(/METRICS must be one of on, off/);
  });
});
