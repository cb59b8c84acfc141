import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ContractTarget, describeEventStoreContract } from '../../contract/event-store.contract.js';
import type { EventStore } from '../../event-store.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const files = new Map<EventStore, string>();
const directory = mkdtempSync(join(tmpdir(), 'cf-sqlite-contract-'));
let count = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const sqlite: ContractTarget = {
  name: 'sqlite',
  unreachableReason: async () => undefined,
  openEmpty: async (upcasters) => {
    const file = join(directory, `events-${count++}.sqlite`);
    const store = new SqliteEventStore({ file, upcasters });
    files.set(store, file);
    return store;
  },
  reopen: async (store, upcasters) => {
    const file = files.get(store)!;
    await store.close();
    const reopened = new SqliteEventStore({ file, upcasters });
    files.set(reopened, file);
    return reopened;
  },
};

describeEventStoreContract(sqlite, await sqlite.unreachableReason());
