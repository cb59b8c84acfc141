import type { ContractContext } from './contract-context.js';
import { anEvent } from './contract-context.js';

/**
 * The mark of a job filling the log (EventStore.unfinishedFill): kept with the log, across a
 * reopening, until the job marks it filled. A target that keeps none (EventStoreDB, a known limit)
 * says so by `keepsUnfinishedFill: false`, and is held to never showing one.
 */
export const unfinishedFillContract = ({ target, store, use }: ContractContext): void => {
  it('keeps the job filling the log, across a reopening, until it is marked filled', async () => {
    expect(await store().unfinishedFill()).toBeUndefined();
    await store().markFill('import a.ndjson');
    await store().append('filled-1', [anEvent()], { expectedLastIndex: 'no_stream' });
    use(await target.reopen(store()));
    if (target.keepsUnfinishedFill === false) {
      console.warn(`${target.name} keeps no unfinished fill (a known limit): held to showing none`);
      expect(await store().unfinishedFill()).toBeUndefined();
      return;
    }
    expect(await store().unfinishedFill()).toBe('import a.ndjson');
    await store().markFill('migrate --from sqlite:/data');
    expect(await store().unfinishedFill()).toBe('migrate --from sqlite:/data');
    await store().markFill(undefined);
    expect(await store().unfinishedFill()).toBeUndefined();
    expect(await store().headPosition()).toBeGreaterThan(0n);
  });
};
