import { join } from 'node:path';
import { type EventStore, PostgresEventStore, SqliteEventStore } from '@cf/event-store';
import { scratch } from './bench-support.js';
import { dropSchemas } from '../test/harness/store-under-test.js';
import { BENCH_DATABASE_URL } from './bench-postgres.js';

/** Where the portal keeps its log and read models, and a fresh empty store of the same kind for the reference. */
export interface StoreUnderTest {
  label: string;
  commands: number;
  portalEnv: Record<string, string>;
  emptyStore(round: number): Promise<{ store: EventStore; close(): Promise<void> }>;
  remove(): Promise<void>;
}

export const sqlite = (): StoreUnderTest => {
  const dir = scratch('commands');
  return {
    label: 'sqlite',
    commands: 900,
    portalEnv: { EVENT_STORE: 'sqlite', DATA_DIR: join(dir.dir, 'portal') },
    emptyStore: async (round) => {
      const store = new SqliteEventStore({ file: join(dir.dir, `reference-${round}`, 'events.sqlite') });
      return { store, close: () => store.close() };
    },
    remove: async () => dir.remove(),
  };
};

export const postgres = (): StoreUnderTest => {
  const dir = scratch('commands-pg');
  const schema = `bench_commands_${process.pid}`;
  return {
    label: 'postgres',
    commands: 450,
    portalEnv: { EVENT_STORE: 'postgres', DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema, DATA_DIR: dir.dir },
    emptyStore: async (round) => {
      const store = new PostgresEventStore({ connectionString: BENCH_DATABASE_URL, schema: `${schema}_reference_${round}` });
      await store.headPosition();
      return {
        store,
        close: async () => {
          await store.close();
          await dropSchemas(BENCH_DATABASE_URL, [`${schema}_reference_${round}`]);
        },
      };
    },
    remove: async () => {
      await dropSchemas(BENCH_DATABASE_URL, [schema, `${schema}_read`]);
      dir.remove();
    },
  };
};
