import { Gauge } from 'prom-client';
import type { EventSourcing } from '@cf/ledger';
import { answeredWithin } from '../health/answered-within.js';
import { OneAtATime } from '../health/one-at-a-time.js';
import type { LedgerMetrics } from './ledger-metrics.js';

/**
 * How long a scrape waits for the log's head. A store that hangs (a half-open connection, a host
 * gone silent) would hold every scrape past Prometheus' own timeout, losing every metric just when
 * they matter; one query at a time is sent (HEAD_SHARED_MS), so scrapes meanwhile do not pile up
 * queries on the store's connections.
 */
export const HEAD_WAIT_MS = 1_000;

/** How long one head query is shared by the scrapes that come while it runs: a hung one is sent again this seldom. */
const HEAD_SHARED_MS = 30_000;

/**
 * The read models' state, measured when Prometheus scrapes: each projection's lag behind the
 * log's head, and whether this instance leads the projections (on PostgreSQL one instance does;
 * SQLite's single process always leads). A store that does not answer within HEAD_WAIT_MS leaves
 * the last lag shown.
 */
export const addProjectionGauges = (metrics: LedgerMetrics, eventSourcing: EventSourcing): void => {
  const heads = new OneAtATime<bigint>(HEAD_SHARED_MS);
  new Gauge({
    name: 'ledger_projection_lag_events',
    help: 'Events in the log that a projection has not applied yet, as this instance sees it',
    labelNames: ['projection'] as const,
    registers: [metrics.registry],
    async collect() {
      const asked = heads.run(() => eventSourcing.store.headPosition());
      const head = await answeredWithin(asked, HEAD_WAIT_MS, 'the store').catch(() => undefined);
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
