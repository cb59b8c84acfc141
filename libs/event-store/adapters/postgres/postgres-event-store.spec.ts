import pg from 'pg';
import { type ContractTarget, describeEventStoreContract } from '../../contract/event-store.contract.js';
import type { EventStore } from '../../event-store.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { appendLockOf, heardPosition } from './postgres-schema.js';
import { anEvent } from '../../contract/contract-context.js';

/** The local server of these machines unless DATABASE_URL names another. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const schemas = new Map<EventStore, string>();
const prefix = `cf_contract_${process.pid}_`;
let count = 0;

const postgres: ContractTarget = {
  name: 'postgres',
  unreachableReason: async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return `cannot reach PostgreSQL at ${TEST_DATABASE_URL}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  openEmpty: async (upcasters) => {
    const schema = `${prefix}${count++}`;
    const store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema, upcasters });
    schemas.set(store, schema);
    return store;
  },
  reopen: async (store, upcasters) => {
    const schema = schemas.get(store)!;
    await store.close();
    const reopened = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema, upcasters });
    schemas.set(reopened, schema);
    return reopened;
  },
};

const unreachable = await postgres.unreachableReason();

afterAll(async () => {
  if (unreachable) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const schema of new Set(schemas.values())) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describeEventStoreContract(postgres, unreachable);

describe('ledgers of several schemas in one database', () => {
  it('hear only their own appends, though every append notifies on the one channel', async () => {
    if (unreachable) return console.warn(`not run: ${unreachable}`);
    const [ours, theirs] = [await postgres.openEmpty(), await postgres.openEmpty()];
    try {
      await ours.append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
      const head = await ours.headPosition();
      const waiting = ours.waitForEvents(head, 300);
      for (let i = 0; i < 3; i++) await theirs.append(`thing-${i}`, [anEvent()], { expectedLastIndex: 'any' });
      expect(await waiting).toBe(false);
      const woken = ours.waitForEvents(head, 5_000);
      await ours.append('thing-2', [anEvent()], { expectedLastIndex: 'any' });
      expect(await woken).toBe(true);
    } finally {
      await ours.close();
      await theirs.close();
    }
  });

  it("append without waiting for another schema's appends, each under its own log's lock", async () => {
    if (unreachable) return console.warn(`not run: ${unreachable}`);
    const [held, free] = [await postgres.openEmpty(), await postgres.openEmpty()];
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      await Promise.all([held.headPosition(), free.headPosition()]); // their schemas and append functions exist
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(${appendLockOf(schemas.get(held)!)})`);
      let heldAppended = false;
      const waiting = held.append('thing-1', [anEvent()], { expectedLastIndex: 'any' }).then(() => (heldAppended = true));
      await free.append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
      expect(await free.headPosition()).toBe(1n);
      expect(heldAppended).toBe(false);
      await holder.query('COMMIT');
      await waiting;
      expect(await held.headPosition()).toBe(1n);
    } finally {
      await holder.end();
      await held.close();
      await free.close();
    }
  });

  it('listen again once PostgreSQL drops the listening connection', async () => {
    if (unreachable) return console.warn(`not run: ${unreachable}`);
    const ours = await postgres.openEmpty();
    const schema = schemas.get(ours)!;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const listening = async (): Promise<number[]> =>
      (
        await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN %'`, [
          `ledger appends of ${schema}`,
        ])
      ).rows.map((row) => row.pid);
    await ours.headPosition();
    const [dropped] = await listening();
    // Another instance on the same log: its listener is not the one to come back.
    const writer = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema });
    try {
      expect(dropped).toEqual(expect.any(Number));
      await writer.headPosition();
      const theirs = (await listening()).filter((pid) => pid !== dropped);
      expect(theirs).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [dropped]);
      let again: number[] = [];
      for (let tries = 0; tries < 50 && again.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        again = (await listening()).filter((pid) => pid !== dropped && !theirs.includes(pid));
      }
      expect(again).toHaveLength(1);
      const head = await ours.headPosition();
      const woken = ours.waitForEvents(head, 5_000);
      await writer.append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
      expect(await woken).toBe(true);
    } finally {
      await admin.end();
      await writer.close();
      await ours.close();
    }
  });

  it('read a notification as their own only when it names their schema', () => {
    expect(heardPosition('ledger', 'ledger:42')).toEqual({ ours: true, position: 42n });
    expect(heardPosition('ledger', 'other:4200')).toEqual({ ours: false });
    expect(heardPosition('ledger', '42')).toEqual({ ours: true });
  });
});
