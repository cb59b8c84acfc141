import { join } from 'node:path';
import {
  EventStoreDbEventStore,
  PostgresEventStore,
  PostgresLeadership,
  PostgresStoreClaim,
  openPostgresReadModels,
  type EventStore,
  type Projection,
  type ProjectionLeadership,
  type ReadModelDb,
  EVENTS_PER_PAGE,
  ProjectionRunner,
  SqliteEventStore,
  SqliteLeadership,
  SqliteStoreClaim,
  STORE_CLAIM_FILE,
  type StoreClaim,
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

/** Who uses the store (StoreClaim): kept where the leadership is, beside the log or in DATA_DIR. */
export const storeClaimOf = (config: LedgerConfig): StoreClaim =>
  config.eventStore === 'postgres'
    ? new PostgresStoreClaim(databaseUrlOf(config), config.databaseSchema)
    : new SqliteStoreClaim(join(config.dataDir, STORE_CLAIM_FILE));

/** Another process leads the projections or serves the store (an API instance): a job that must run alone does not start. */
export class ProjectionsLedElsewhere extends Error {}

/** A job (import, migrate, rebuild) holds the store alone: an instance does not start on it. */
export class StoreHeldByJob extends Error {
  constructor(config: LedgerConfig) {
    const store = config.eventStore === 'postgres' ? `DATABASE_SCHEMA=${config.databaseSchema}` : `DATA_DIR=${config.dataDir}`;
    super(`An import, migrate or rebuild holds this store (${store}): start the API once it has ended`);
  }
}

/** An instance's share of the store, or a job's whole claim on it: refused as the one who asked should hear it. */
const claimStore = async (config: LedgerConfig, job: boolean): Promise<StoreClaim> => {
  const claim = storeClaimOf(config);
  if (!(await (job ? claim.takeAlone() : claim.share())))
    throw job ? new ProjectionsLedElsewhere('an API instance serves this store') : new StoreHeldByJob(config);
  return claim;
};

/**
 * Refuses a start while a job holds the store, before the app is built: from inside Nest's module
 * factory the refusal would end the process with a stack trace. The app then takes its own share.
 */
export const requireStoreNotHeldByJob = async (config: LedgerConfig): Promise<void> => (await claimStore(config, false)).release();

export const openEventSourcing = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry = quietTelemetry,
  /**
   * leadFirst: a job's (rebuild): hold the store alone and take the projections' leadership before
   * the read models are migrated (which empties outdated ones), or throw ProjectionsLedElsewhere.
   * Otherwise an instance's: a share of the store, or StoreHeldByJob.
   */
  options: { leadFirst?: boolean } = {},
): Promise<OpenEventSourcing> => {
  const claim = await claimStore(config, options.leadFirst === true);
  try {
    return await openClaimed(config, projections, telemetry, options, claim);
  } catch (error) {
    await claim.release();
    throw error;
  }
};

const openClaimed = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry,
  options: { leadFirst?: boolean },
  claim: StoreClaim,
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
      await claim.release(); // last: a job may start only once nothing of this instance writes
    },
  };
};
