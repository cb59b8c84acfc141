import { Gauge } from 'prom-client';
import type { EventSourcing } from '@cf/ledger';
import { OneAtATime } from '../health/one-at-a-time.js';
import type { LedgerMetrics } from './ledger-metrics.js';

/**
 * How long a scrape waits for the log's head. A store that hangs (a half-open connection, a host
 * gone silent) would hold every scrape past Prometheus' own timeout, losing every metric just when
 * they matter; one query at a time is sent, so scrapes meanwhile do not pile up on it.
 */
export const HEAD_WAIT_MS = 1_000;

/** The promise's value if it settles well within `ms`, else undefined (it runs on, unawaited). */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const settle = (value: T | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });

/**
 * The read models' state, measured when Prometheus scrapes: each projection's lag behind the
 * log's head, and whether this instance leads the projections (on PostgreSQL one instance does;
 * SQLite's single process always leads). A store that does not answer within HEAD_WAIT_MS leaves
 * the last lag shown.
 */
export const addProjectionGauges = (metrics: LedgerMetrics, eventSourcing: EventSourcing): void => {
  const heads = new OneAtATime<bigint>(HEAD_WAIT_MS);
  new Gauge({
    name: 'ledger_projection_lag_events',
    help: 'Events in the log that a projection has not applied yet, as this instance sees it',
    labelNames: ['projection'] as const,
    registers: [metrics.registry],
    async collect() {
      const head = await within(
        heads.run(() => eventSourcing.store.headPosition()),
        HEAD_WAIT_MS,
      );
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
