import { join } from 'node:path';
import {
  EventStoreDbEventStore,
  type EventStore,
  PostgresEventStore,
  PostgresLeadership,
  type ProjectionLeadership,
  type ReadModelDb,
  SqliteEventStore,
  SqliteLeadership,
  Upcasters,
  openPostgresReadModels,
  openSqliteReadModels,
} from '@cf/event-store';
import { ConfigError, type LedgerConfig, databaseUrlOf, eventStoreConnectionOf } from './config/ledger-config.js';

/** The configured store, read models and projections' leadership, each as LedgerConfig names it. */

/** `readOnly`: for the commands that only read the log (export, verify): on PostgreSQL a role that may only read it suffices. */
export const openEventStore = (config: LedgerConfig, upcasters = new Upcasters(), { readOnly = false } = {}): EventStore => {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite'), upcasters });
    case 'postgres':
      return new PostgresEventStore({ connectionString: databaseUrlOf(config), schema: config.databaseSchema, upcasters, readOnly });
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
