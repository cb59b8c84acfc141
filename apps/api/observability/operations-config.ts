import { ConfigError, LONGEST_TIMER_MS, wholeNumber } from '@cf/ledger';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

/** How the service reports on itself: logs, metrics, readiness and traces. Read from the environment. */
export interface OperationsConfig {
  logLevel: (typeof LOG_LEVELS)[number];
  logFormat: (typeof LOG_FORMATS)[number];
  /** METRICS=off: no GET /metrics, and nothing is counted or timed for it. */
  metrics: boolean;
  readiness: {
    /** How long the store may take to answer before the instance is not ready. */
    storeTimeoutMs: number;
    /** How many events the slowest projection may lag behind the log while the instance is ready. */
    maxProjectionLag: number;
  };
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where spans go; no traces without it. */
  tracesEndpoint?: string;
}

export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');

const oneOf = <T extends string>(variable: string, allowed: readonly T[], given: string | undefined, fallback: T): T => {
  const value = (given ?? fallback).toLowerCase() as T;
  if (!allowed.includes(value)) throw new ConfigError(variable, `must be one of ${allowed.join(', ')} (got "${given}")`);
  return value;
};

/** The protocols OpenTelemetry's OTLP exporters speak, written as the SDK reads them. */
const OTLP_PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'];

/**
 * The OTLP settings, checked here because the SDK would only log a warning on every export. An
 * empty value is unset, as the SDK takes it; the traces-only variables override the general ones.
 */
const tracesEndpoint = (env: NodeJS.ProcessEnv): string | undefined => {
  for (const variable of ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) {
    const given = env[variable];
    if (given && !OTLP_PROTOCOLS.includes(given))
      throw new ConfigError(variable, `must be one of ${OTLP_PROTOCOLS.join(', ')} (got "${given}")`);
  }
  for (const variable of ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT']) {
    const given = env[variable];
    if (!given) continue;
    let protocol: string | undefined;
    try {
      protocol = new URL(given).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:')
      throw new ConfigError(variable, `must be an http or https URL, e.g. http://collector:4318 (got "${given}")`);
  }
  return env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
};

export const loadOperationsConfig = (env: NodeJS.ProcessEnv = process.env): OperationsConfig => ({
  logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, env.LOG_LEVEL, 'info'),
  logFormat: oneOf('LOG_FORMAT', LOG_FORMATS, env.LOG_FORMAT, 'json'),
  metrics: oneOf('METRICS', ['on', 'off'], env.METRICS, 'on') === 'on',
  readiness: {
    storeTimeoutMs: wholeNumber('READY_STORE_TIMEOUT_MS', env.READY_STORE_TIMEOUT_MS, 2_000, 1, LONGEST_TIMER_MS),
    maxProjectionLag: wholeNumber('READY_MAX_PROJECTION_LAG', env.READY_MAX_PROJECTION_LAG, 1_000, 0),
  },
  tracesEndpoint: tracesEndpoint(env),
});
