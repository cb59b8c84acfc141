import { type ChainVerification, type EventStore, type RecordedEvent, verifyChains } from '@cf/event-store';
import { loadConfig, openEventStore } from '@cf/ledger';
import type { Acknowledged } from './send-mutation.js';

export interface StoreCheck {
  events: number;
  /** Acknowledged mutations with no event of theirs (same stream, same actor) at the position answered. */
  lost: Acknowledged[];
  chains: ChainVerification;
}

const PAGE = 1_000;

/** The whole log as stored (raw: the chains are over the stored data, not the upcast data). */
const wholeLog = async (store: EventStore): Promise<RecordedEvent[]> => {
  const log: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: log.at(-1)?.position ?? 0n, limit: PAGE, raw: true });
    if (page.length === 0) return log;
    log.push(...page);
  }
};

/**
 * Reads the store directly through its adapter, as the API opens it, with the API stopped:
 * neither the read models nor the API can hide a lost event or a broken link.
 */
export const checkStore = async (env: Record<string, string>, acknowledged: readonly Acknowledged[]): Promise<StoreCheck> => {
  const store = openEventStore(loadConfig(env));
  try {
    const log = await wholeLog(store);
    const byPosition = new Map(log.map((event) => [event.position, event]));
    const lost = acknowledged.filter((mutation) => {
      const event = byPosition.get(mutation.position);
      return !event || event.stream !== mutation.stream || event.metadata.actor.userId !== mutation.userId;
    });
    return { events: log.length, lost, chains: verifyChains(log) };
  } finally {
    await store.close();
  }
};
