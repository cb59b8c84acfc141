import { type Attributes, SpanStatusCode, trace } from '@opentelemetry/api';
import { isDomainError } from '@cf/core';

/** Without a started SDK (no OTEL_EXPORTER_OTLP_ENDPOINT) this tracer makes no-op spans. */
export const tracer = trace.getTracer('customer-contact-ledger');

/** An error as the client sees it: its DomainError code, else INTERNAL_SERVER_ERROR. */
export const outcomeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'INTERNAL_SERVER_ERROR');

/** Runs `work` in a span that is a child of the active one, and active itself while it runs. */
export const inSpan = <T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> =>
  tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcomeOf(error) });
      throw error;
    } finally {
      span.end();
    }
  });
