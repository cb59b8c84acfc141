import { ConfigError } from '@cf/ledger';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

/** How the service reports on itself: logs and metrics. Read from the environment. */
export interface OperationsConfig {
  logLevel: (typeof LOG_LEVELS)[number];
  logFormat: (typeof LOG_FORMATS)[number];
  /** METRICS=off: no GET /metrics, and nothing is counted or timed for it. */
  metrics: boolean;
}

export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');

const oneOf = <T extends string>(variable: string, allowed: readonly T[], given: string | undefined, fallback: T): T => {
  const value = (given ?? fallback).toLowerCase() as T;
  if (!allowed.includes(value)) throw new ConfigError(variable, `must be one of ${allowed.join(', ')} (got "${given}")`);
  return value;
};

export const loadOperationsConfig = (env: NodeJS.ProcessEnv = process.env): OperationsConfig => ({
  logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, env.LOG_LEVEL, 'info'),
  logFormat: oneOf('LOG_FORMAT', LOG_FORMATS, env.LOG_FORMAT, 'json'),
  metrics: oneOf('METRICS', ['on', 'off'], env.METRICS, 'on') === 'on',
});
