import type { EventStore } from './event-store.js';

/**
 * Read models whose checkpoints are past the log's last event were built from events this log
 * does not hold: the log was restored from an older copy, or lost its last events. Served, they
 * would show history the log lacks, and the next append would take a position they hold for
 * another event. A leader so neither applies nor serves: their rows are the last trace of those
 * events, kept for whoever settles it, until `cli rebuild` derives them from the log as it is.
 */
export class ReadModelsAheadOfLog extends Error {
  constructor(head: bigint, ahead: readonly (readonly [string, bigint])[]) {
    const where = ahead.map(([name, position]) => `${name} at ${position}`).join(', ');
    super(
      `the read models are ahead of the event log (${where}; its last event is at ${head}): they hold events the log does not, ` +
        'as when the log is restored from an older copy or lost its last events. Nothing is served or appended until that is settled: ' +
        'check the log (cli verify, with an audit seal if there is one), then run cli rebuild to derive the read models from the log as it is',
    );
    this.name = 'ReadModelsAheadOfLog';
  }
}

/** Refuses read models any of whose checkpoints is past the log's head (ReadModelsAheadOfLog). */
export const requireLogHoldsReadModels = async (
  store: Pick<EventStore, 'headPosition'>,
  positions: ReadonlyMap<string, bigint>,
): Promise<void> => {
  const head = await store.headPosition();
  const ahead = [...positions].filter(([, position]) => position > head);
  if (ahead.length > 0) throw new ReadModelsAheadOfLog(head, ahead);
};
