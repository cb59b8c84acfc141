import type { EventStore } from './event-store.js';

/**
 * A log that an import or a migrate began filling and did not finish holds only the beginning of
 * another: served, its projects would read as if the rest never happened, and written to, it
 * could not be finished any more. Refused until the job, run again, goes on where it stopped.
 */
export class UnfinishedFill extends Error {
  constructor(
    readonly storeName: string,
    readonly job: string,
  ) {
    super(
      `the ${storeName} store holds only the beginning of a log: \`${job}\` began filling it and did not finish; ` +
        'run that job again to finish (it goes on where it stopped), or empty the store',
    );
    this.name = 'UnfinishedFill';
  }
}

/** Refuses a store whose log an import or a migrate has not finished filling (UnfinishedFill). */
export const requireWholeLog = async (store: EventStore): Promise<void> => {
  const job = await store.unfinishedFill();
  if (job !== undefined) throw new UnfinishedFill(store.name, job);
};
