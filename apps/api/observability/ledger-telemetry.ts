import { isDomainError } from '@cf/core';
import type { LedgerTelemetry } from '@cf/ledger';
import type { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { ObservedEventStore } from './observed-event-store.js';

/** An error as the client sees it: its DomainError code, else INTERNAL_SERVER_ERROR. */
export const outcomeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'INTERNAL_SERVER_ERROR');

/** The ledger's work as the API's Prometheus metrics count and time it. */
export const apiTelemetry = (metrics: LedgerMetrics): LedgerTelemetry => ({
  observeStore: (store) => new ObservedEventStore(store, metrics),
  projections: {
    applied: (projection, events) => {
      if (events > 0) metrics.projectionEventsApplied.inc({ projection }, events);
    },
  },
  command: async (name, run) => {
    const stopTimer = metrics.commandDuration.startTimer({ command: name });
    let outcome = 'OK';
    try {
      return await run();
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      stopTimer();
      metrics.commands.inc({ command: name, outcome });
    }
  },
  projectionWait: (run) => run(),
});
