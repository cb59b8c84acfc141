import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions } from '@cf/event-store';
import type { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { inSpan } from './spans.js';

/**
 * Any store, with each append traced as a span and, with metrics on, timed and its events
 * counted. Wraps the port rather than each adapter: every store is measured the same way.
 */
export class ObservedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly metrics?: LedgerMetrics,
  ) {}

  get name(): string {
    return this.store.name;
  }

  append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return inSpan('append', { 'ledger.store': this.store.name, 'ledger.events': events.length }, async () => {
      const stopTimer = this.metrics?.appendDuration.startTimer();
      const appended = await this.store.append(stream, events, options);
      stopTimer?.();
      this.metrics?.eventsAppended.inc(events.length);
      return appended;
    });
  }

  readStream(stream: string, options?: ReadStreamOptions) {
    return this.store.readStream(stream, options);
  }
  lastIndexOf(stream: string) {
    return this.store.lastIndexOf(stream);
  }
  readAll(options: ReadAllOptions) {
    return this.store.readAll(options);
  }
  headPosition() {
    return this.store.headPosition();
  }
  waitForEvents(after: bigint, timeoutMs: number) {
    return this.store.waitForEvents(after, timeoutMs);
  }
  findIdempotentResult(userId: string, key: string) {
    return this.store.findIdempotentResult(userId, key);
  }
  unfinishedFill() {
    return this.store.unfinishedFill();
  }
  markFill(job: string | undefined) {
    return this.store.markFill(job);
  }
  close() {
    return this.store.close();
  }
}
