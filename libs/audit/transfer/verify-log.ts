import type { EventStore } from '@cf/event-store';
import { StreamingChainCheck } from './chain-check.js';
import { eventsAfter } from './event-batches.js';

/**
 * Re-computes every stream's hash chain over the whole log as stored, in global order, one event
 * in memory at a time: the check `import` and `migrate` make of what they copy, for the store in
 * place. Stops at the first broken link.
 */
export const verifyLog = async (store: EventStore, onProgress?: (position: bigint) => void): Promise<StreamingChainCheck> => {
  const check = new StreamingChainCheck();
  for await (const event of eventsAfter(store)) {
    onProgress?.(event.position);
    if (check.check(event)) break;
  }
  return check;
};
