import { BACKWARDS, END, type EventStoreDBClient, FORWARDS } from '@eventstore/db-client';
import { NO_POSITION, type RecordedEvent } from '../../event-store.js';
import { fromServerEvent, isLedgerEvent, readPositionAfter } from './eventstoredb-mapping.js';

const PAGE = 500;

/**
 * The ledger's events in $all in commit order after `after`, at most `limit`, as stored (not
 * upcast). Pages are filtered here (this client's readAll takes no filter): other prefixes' and
 * system events are skipped.
 */
export const readLedgerAfter = async (
  client: EventStoreDBClient,
  prefix: string,
  after: bigint,
  limit: number,
): Promise<RecordedEvent[]> => {
  const found: RecordedEvent[] = [];
  let from = after;
  for (;;) {
    let seen = 0;
    for await (const { event } of client.readAll({ fromPosition: readPositionAfter(from), direction: FORWARDS, maxCount: PAGE })) {
      if (!event) continue;
      seen += 1;
      if (event.position.commit <= from) continue;
      from = event.position.commit;
      if (!isLedgerEvent(prefix, event)) continue;
      found.push(fromServerEvent(prefix, { ...event, position: event.position.commit }));
      if (found.length >= limit) return found;
    }
    if (seen < PAGE) return found;
  }
};

/** The position of the newest ledger event: $all read backwards until one is found (0n if none). */
export const ledgerHead = async (client: EventStoreDBClient, prefix: string): Promise<bigint> => {
  for await (const { event } of client.readAll({ fromPosition: END, direction: BACKWARDS })) {
    if (event && isLedgerEvent(prefix, event)) return event.position.commit;
  }
  return NO_POSITION;
};
