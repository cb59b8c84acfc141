import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { OperationsConfig } from '../observability/operations-config.js';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry's SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans go there over OTLP
 * (the SDK reads the other OTEL_* variables itself, e.g. OTEL_EXPORTER_OTLP_PROTOCOL). Metrics
 * stay with Prometheus and logs with pino, so the SDK exports traces only. Once per process:
 * the SDK registers itself globally.
 */
export const startTracing = (config: Pick<OperationsConfig, 'tracesEndpoint'>): void => {
  if (!config.tracesEndpoint || sdk) return;
  sdk = new NodeSDK({ serviceName: 'customer-contact-ledger', metricReaders: [], logRecordProcessors: [], instrumentations: [] });
  sdk.start();
};

/** Sends the spans still buffered before the process ends. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    const started = sdk;
    sdk = undefined;
    await started?.shutdown().catch(() => undefined);
  }
}
