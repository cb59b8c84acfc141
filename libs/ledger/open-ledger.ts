import { join } from 'node:path';
import {
  type EventStore,
  type Projection,
  type ReadModelDb,
  ProjectionRunner,
  SqliteEventStore,
  Upcasters,
  openSqliteReadModels,
} from '@cf/event-store';
import { ConfigError, type LedgerConfig } from './config/ledger-config.js';

/** The store, the read models and the runner that keeps them current: what the API and CLI share. */
export interface OpenLedger {
  store: EventStore;
  readModels: ReadModelDb;
  runner: ProjectionRunner;
  close(): Promise<void>;
}

export const openEventStore = (config: LedgerConfig, upcasters = new Upcasters()): EventStore => {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite'), upcasters });
    default:
      throw new ConfigError('EVENT_STORE', `=${config.eventStore} has no adapter in this build; use sqlite`);
  }
};

export const openReadModels = (config: LedgerConfig): ReadModelDb =>
  openSqliteReadModels(join(config.dataDir, 'read-models.sqlite'));

export const openLedger = async (config: LedgerConfig, projections: readonly Projection[]): Promise<OpenLedger> => {
  const store = openEventStore(config);
  const readModels = openReadModels(config);
  const runner = new ProjectionRunner(store, readModels, projections);
  await runner.migrate();
  return {
    store,
    readModels,
    runner,
    close: async () => {
      await runner.stop();
      await readModels.destroy();
      await store.close();
    },
  };
};
