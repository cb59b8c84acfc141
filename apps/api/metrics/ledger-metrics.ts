import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: a command or an operation takes milliseconds; a slow one shows in the top buckets. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus metrics, in a registry of the application's own (not prom-client's
 * global one), so two applications in one process count apart. Labels take values from fixed
 * sets only (command types, error codes, projection names, operation names as bounded by
 * OperationNames): never a user, project or other id.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands handled, by command type and outcome (OK or the error code)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'ledger_command_duration_seconds',
    help: 'Time to handle a command, from reading its stream to its events projected',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'ledger_events_appended_total',
    help: 'Events appended to the log by this instance',
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Time of one append to the event store',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionEventsApplied = new Counter({
    name: 'ledger_projection_events_applied_total',
    help: 'Events applied to a read model by this instance',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'ledger_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'ledger_rate_limited_total',
    help: 'Operations refused by the per-user rate limit',
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'ledger_webhook_deliveries_total',
    help: 'Webhook delivery attempts by this instance, by webhook event and outcome (DELIVERED, RETRY, FAILED)',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

export const LEDGER_METRICS = Symbol('LEDGER_METRICS');
