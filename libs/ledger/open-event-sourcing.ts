import { join } from 'node:path';
import {
  EventStoreDbEventStore,
  PostgresEventStore,
  PostgresLeadership,
  openPostgresReadModels,
  type EventStore,
  type Projection,
  type ProjectionLeadership,
  type ReadModelDb,
  EVENTS_PER_PAGE,
  ProjectionRunner,
  SqliteEventStore,
  SqliteLeadership,
  Upcasters,
  openSqliteReadModels,
  underSchemaLock,
  underSqliteSchemaLock,
} from '@cf/event-store';
import { ConfigError, type LedgerConfig, databaseUrlOf, eventStoreConnectionOf } from './config/ledger-config.js';
import { type EventSourcingTelemetry, quietTelemetry } from './telemetry/event-sourcing-telemetry.js';

/** The store, the read models and the runner that keeps them current: what the API and CLI share. */
export interface OpenEventSourcing {
  store: EventStore;
  readModels: ReadModelDb;
  runner: ProjectionRunner;
  close(): Promise<void>;
}

export const openEventStore = (config: LedgerConfig, upcasters = new Upcasters()): EventStore => {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite'), upcasters });
    case 'postgres':
      return new PostgresEventStore({ connectionString: databaseUrlOf(config), schema: config.databaseSchema, upcasters });
    case 'eventstoredb':
      return new EventStoreDbEventStore({ connectionString: eventStoreConnectionOf(config), upcasters });
    default:
      throw new ConfigError('EVENT_STORE', `=${config.eventStore} has no adapter in this build; use sqlite`);
  }
};

/** Read models live beside the log: a SQLite file in DATA_DIR, or `<schema>_read` on PostgreSQL. */
export const openReadModels = (config: LedgerConfig): Promise<ReadModelDb> | ReadModelDb =>
  config.eventStore === 'postgres'
    ? openPostgresReadModels(databaseUrlOf(config), `${config.databaseSchema}_read`)
    : openSqliteReadModels(join(config.dataDir, 'read-models.sqlite'));

/**
 * Who may run the projections: one process per PostgreSQL schema, or per data directory where
 * the read models are SQLite files there (SQLite's log, and EventStoreDB's).
 */
export const leadershipOf = (config: LedgerConfig): ProjectionLeadership =>
  config.eventStore === 'postgres'
    ? new PostgresLeadership(databaseUrlOf(config), config.databaseSchema)
    : new SqliteLeadership(join(config.dataDir, 'projections.lock'));

/** Another process leads the projections (an API instance): a job that must lead alone does not start. */
export class ProjectionsLedElsewhere extends Error {}

export const openEventSourcing = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry = quietTelemetry,
  /** leadFirst: take the projections' leadership before the read models are migrated (which empties outdated ones), or throw ProjectionsLedElsewhere. */
  options: { leadFirst?: boolean } = {},
): Promise<OpenEventSourcing> => {
  const store = telemetry.observeStore(openEventStore(config));
  const readModels = await openReadModels(config);
  const leadership = leadershipOf(config);
  const runner = new ProjectionRunner(store, readModels, projections, EVENTS_PER_PAGE, leadership, telemetry.projections);
  if (options.leadFirst && !(await runner.takeLeadership())) {
    await Promise.all([readModels.destroy(), store.close()]);
    throw new ProjectionsLedElsewhere('another process leads the projections of this store');
  }
  // Read-model tables are created by whichever instance starts first; the others wait their turn.
  await (config.eventStore === 'postgres'
    ? underSchemaLock(databaseUrlOf(config), () => runner.migrate())
    : underSqliteSchemaLock(join(config.dataDir, 'schema.lock'), () => runner.migrate()));
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
