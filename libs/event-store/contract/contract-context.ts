import type { EventStore, NewEvent } from '../event-store.js';
import type { Upcasters } from '../upcasting.js';

/** How the contract suite reaches one adapter: a fresh empty store, and the same storage reopened. */
export interface ContractTarget {
  name: string;
  /** undefined when reachable; otherwise the reason the suite cannot run here. */
  unreachableReason(): Promise<string | undefined>;
  openEmpty(upcasters?: Upcasters): Promise<EventStore>;
  reopen(store: EventStore, upcasters?: Upcasters): Promise<EventStore>;
  /** false where the store keeps no mark of an unfinished import or migrate (unfinishedFillContract). */
  keepsUnfinishedFill?: false;
}

export interface ContractContext {
  target: ContractTarget;
  /** The store opened for the running test (closed after it). */
  store(): EventStore;
  /** Replace the running test's store, e.g. after reopening it. */
  use(store: EventStore): void;
}

let sequence = 0;
export const anEvent = (type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent => ({
  type,
  data,
  metadata: {
    actor: { userId: 'u-1', name: 'Ada' },
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence++)).toISOString(),
    correlationId: 'c-1',
  },
});
