import type { EventSourcingTelemetry } from '@cf/ledger';
import type { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { ObservedEventStore } from './observed-event-store.js';
import { inSpan, outcomeOf } from './spans.js';

/**
 * The ledger's work as the API reports it: a span for each command, append and wait for the
 * read models (children of the GraphQL operation's span), and, unless METRICS=off, counters
 * and histograms of the same work.
 */
export const apiTelemetry = (metrics?: LedgerMetrics): EventSourcingTelemetry => ({
  observeStore: (store) => new ObservedEventStore(store, metrics),
  projections: metrics && {
    applied: (projection, events) => {
      if (events > 0) metrics.projectionEventsApplied.inc({ projection }, events);
    },
  },
  command: async (name, run) => {
    const stopTimer = metrics?.commandDuration.startTimer({ command: name });
    let outcome = 'OK';
    try {
      return await inSpan(`command ${name}`, { 'ledger.command': name }, run);
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      stopTimer?.();
      metrics?.commands.inc({ command: name, outcome });
    }
  },
  projectionWait: (run) => inSpan('wait for projections', {}, run),
});
