import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EVENT_SOURCING_TELEMETRY } from '@cf/ledger';
import { OPERATIONS_LOG, operationsLog } from '../logging/operations-log.js';
import { ProjectionFailureLog } from '../logging/projection-failures.js';
import { LEDGER_METRICS, LedgerMetrics } from '../metrics/ledger-metrics.js';
import { MetricsController } from '../metrics/metrics.controller.js';
import { MetricsSubscriptions } from '../metrics/metrics-subscriptions.js';
import { apiTelemetry } from './event-sourcing-telemetry.js';
import { OPERATIONS_CONFIG, type OperationsConfig } from './operations-config.js';
import { OperationSpanInterceptor } from './operation-span.interceptor.js';
import { OperationTelemetryPlugin } from './operation-telemetry.plugin.js';
import { TracingShutdown } from '../tracing/tracing.js';

/** Wiring only: JSON logs, Prometheus metrics (unless METRICS=off) and the spans of the ledger's work. */
@Global()
@Module({})
export class ObservabilityModule {
  static register(config: OperationsConfig): DynamicModule {
    const log = operationsLog(config);
    const metrics = config.metrics ? new LedgerMetrics() : undefined;
    const metricsProviders: Provider[] = metrics ? [{ provide: LEDGER_METRICS, useValue: metrics }, MetricsSubscriptions] : [];
    return {
      module: ObservabilityModule,
      controllers: metrics ? [MetricsController] : [],
      providers: [
        { provide: OPERATIONS_CONFIG, useValue: config },
        { provide: OPERATIONS_LOG, useValue: log },
        { provide: EVENT_SOURCING_TELEMETRY, useValue: apiTelemetry(metrics) },
        { provide: APP_INTERCEPTOR, useClass: OperationSpanInterceptor },
        OperationTelemetryPlugin,
        TracingShutdown,
        ProjectionFailureLog,
        ...metricsProviders,
      ],
      exports: [OPERATIONS_CONFIG, OPERATIONS_LOG, EVENT_SOURCING_TELEMETRY],
    };
  }
}
