import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { type ContractTarget, describeEventStoreContract } from '../../contract/event-store.contract.js';
import type { EventStore } from '../../event-store.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

/**
 * The contract suite on EventStoreDB when EVENTSTORE_CONNECTION_STRING names a server
 * (e.g. esdb://127.0.0.1:2113?tls=false). A server cannot be emptied, so each test gets its own
 * stream prefix (the adapter's `streamPrefix` option): readAll, headPosition and the subscription
 * then see only that test's streams, while positions stay the server's $all commit positions.
 * Without the variable the suite is not run and says so in one line — also under CI=true, because
 * these machines have no EventStoreDB; set the variable to make an unreachable server fail the run.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const prefixes = new Map<EventStore, string>();
const run = `cfc${process.pid}x${Date.now().toString(36)}`;
let count = 0;

const eventstoredb = (url: string): ContractTarget => ({
  name: 'eventstoredb',
  keepsUnfinishedFill: false,
  unreachableReason: async () => {
    const client = EventStoreDBClient.connectionString(url);
    try {
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: 5_000 })) break;
      return undefined;
    } catch (error) {
      return `cannot reach EventStoreDB at ${url}: ${(error as Error).message}`;
    } finally {
      await client.dispose().catch(() => undefined);
    }
  },
  openEmpty: async (upcasters) => {
    const streamPrefix = `${run}t${count++}_`;
    const store = new EventStoreDbEventStore({ connectionString: url, streamPrefix, upcasters });
    prefixes.set(store, streamPrefix);
    return store;
  },
  reopen: async (store, upcasters) => {
    const streamPrefix = prefixes.get(store)!;
    await store.close();
    const reopened = new EventStoreDbEventStore({ connectionString: url, streamPrefix, upcasters });
    prefixes.set(reopened, streamPrefix);
    return reopened;
  },
});

if (connectionString) {
  const target = eventstoredb(connectionString);
  describeEventStoreContract(target, await target.unreachableReason());
} else {
  const reason = 'EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB here)';
  console.warn(`event store contract for eventstoredb NOT RUN: ${reason}`);
  it.todo(`event store contract: eventstoredb (not run: ${reason})`);
}
