import type { EventStore, NewEvent } from '../event-store.js';
import type { Upcasters } from '../upcasting.js';
import { appendContract } from './append.contract.js';
import { concurrentAppendContract } from './concurrent-append.contract.js';
import { readContract } from './read.contract.js';

/** How the contract suite reaches one adapter: a fresh empty store, and the same storage reopened. */
export interface ContractTarget {
  name: string;
  /** undefined when reachable; otherwise the reason the suite cannot run here. */
  unreachableReason(): Promise<string | undefined>;
  openEmpty(upcasters?: Upcasters): Promise<EventStore>;
  reopen(store: EventStore, upcasters?: Upcasters): Promise<EventStore>;
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

/**
 * The behaviour every event store adapter must have; each adapter's spec calls this with the
 * result of `await target.unreachableReason()`. An unreachable store is skipped with its reason
 * printed — except under CI=true, where it fails the run.
 */
export const describeEventStoreContract = (target: ContractTarget, unreachable: string | undefined): void => {
  if (unreachable) {
    console.warn(`event store contract for ${target.name} NOT RUN: ${unreachable}`);
    if (process.env.CI === 'true') {
      it(`event store contract: ${target.name} is reachable in CI`, () => {
        throw new Error(`${target.name} unreachable: ${unreachable}`);
      });
    } else {
      describe.skip(`event store contract: ${target.name} (not run: ${unreachable})`, () => {
        it('needs the store', () => undefined);
      });
    }
    return;
  }
  describe(`event store contract: ${target.name}`, () => {
    let current: EventStore;
    beforeEach(async () => {
      current = await target.openEmpty();
    });
    afterEach(async () => {
      await current.close();
    });
    const context: ContractContext = { target, store: () => current, use: (store) => (current = store) };
    appendContract(context);
    concurrentAppendContract(context);
    readContract(context);
  });
};
