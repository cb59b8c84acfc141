import type { EventStore } from '../event-store.js';
import type { ContractContext, ContractTarget } from './contract-context.js';
import { appendContract } from './append.contract.js';
import { concurrentAppendContract } from './concurrent-append.contract.js';
import { readContract } from './read.contract.js';
import { unchangedSinceContract } from './unchanged-since.contract.js';
import { unfinishedFillContract } from './unfinished-fill.contract.js';

export { type ContractTarget, anEvent } from './contract-context.js';

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
      it.todo(`event store contract: ${target.name} (not run: ${unreachable})`);
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
    unchangedSinceContract(context);
    unfinishedFillContract(context);
  });
};
