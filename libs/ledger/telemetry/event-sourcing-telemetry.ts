import type { EventStore, ProjectionObserver } from '@cf/event-store';

/**
 * What the ledger tells about its work as it goes. The API plugs metrics and traces in here;
 * the CLI and the tests that need neither run with quietTelemetry.
 */
export interface EventSourcingTelemetry {
  /** The store as the ledger should use it, e.g. wrapped to time and count appends. */
  observeStore(store: EventStore): EventStore;
  /** Told how many events each projection applied. */
  readonly projections?: ProjectionObserver;
  /** Runs one command's whole handling: read, decide, append, and the wait for the read models. */
  command<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Runs the wait until every read model has applied a command's events. */
  projectionWait<T>(run: () => Promise<T>): Promise<T>;
}

export const EVENT_SOURCING_TELEMETRY = Symbol('EVENT_SOURCING_TELEMETRY');

export const quietTelemetry: EventSourcingTelemetry = {
  observeStore: (store) => store,
  command: (_name, run) => run(),
  projectionWait: (run) => run(),
};
