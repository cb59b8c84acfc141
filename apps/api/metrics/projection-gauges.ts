import { Gauge } from 'prom-client';
import type { EventSourcing } from '@cf/ledger';
import type { LedgerMetrics } from './ledger-metrics.js';

/**
 * The read models' state, measured when Prometheus scrapes: each projection's lag behind the
 * log's head, and whether this instance leads the projections (on PostgreSQL one instance does;
 * SQLite's single process always leads). A store that does not answer leaves the last lag shown.
 */
export const addProjectionGauges = (metrics: LedgerMetrics, eventSourcing: EventSourcing): void => {
  new Gauge({
    name: 'ledger_projection_lag_events',
    help: 'Events in the log that a projection has not applied yet, as this instance sees it',
    labelNames: ['projection'] as const,
    registers: [metrics.registry],
    async collect() {
      const head = await eventSourcing.store.headPosition().catch(() => undefined);
      if (head === undefined) return;
      for (const { name, position } of eventSourcing.runner.status()) this.set({ projection: name }, Number(head - position));
    },
  });
  new Gauge({
    name: 'ledger_projections_led_here',
    help: '1 when this instance applies events to the read models, 0 when it follows another',
    registers: [metrics.registry],
    collect() {
      this.set(eventSourcing.runner.isLeading() ? 1 : 0);
    },
  });
};
