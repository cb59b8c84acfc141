import { join } from 'node:path';
import {
  type EventStore,
  type Projection,
  type ReadModelDb,
  EVENTS_PER_PAGE,
  ProjectionRunner,
  type StoreClaim,
  requireWholeLog,
  underSchemaLock,
  underSqliteSchemaLock,
} from '@cf/event-store';
import { type LedgerConfig, databaseUrlOf } from './config/ledger-config.js';
import { leadershipOf, openEventStore, openReadModels } from './configured-store.js';
import { holdStoreAlone, shareStore, storeClaimOf } from './store-claim.js';
import { type EventSourcingTelemetry, quietTelemetry } from './telemetry/event-sourcing-telemetry.js';

/** The store, the read models and the runner that keeps them current: what the API and CLI share. */
export interface OpenEventSourcing {
  store: EventStore;
  readModels: ReadModelDb;
  runner: ProjectionRunner;
  /** Whether this process holds its claim on the store now (StoreClaim.held): readiness asks. */
  holdsStore(): boolean;
  close(): Promise<void>;
}

/** Another process leads the projections or serves the store (an API instance): a job that must run alone does not start. */
export class ProjectionsLedElsewhere extends Error {}

/** Opened, its read models not migrated yet. */
type Opened = Omit<OpenEventSourcing, 'close' | 'holdsStore'>;

const openUnmigrated = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry,
): Promise<Opened> => {
  const store = telemetry.observeStore(openEventStore(config));
  const readModels = await openReadModels(config);
  const runner = new ProjectionRunner(store, readModels, projections, EVENTS_PER_PAGE, leadershipOf(config), telemetry.projections);
  return { store, readModels, runner };
};

/**
 * A job's: the store held alone and the projections led (holdStoreAlone), or ProjectionsLedElsewhere
 * naming which was refused. Nothing is opened before the store is held alone; the runner, which
 * takes the leadership, needs the store and read models, so they are opened in between.
 */
const openLeading = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry,
  claim: StoreClaim,
): Promise<Opened> => {
  let opened: Opened | undefined;
  const closeOpened = async () => {
    await opened?.runner.stop(); // gives back the lead, and the session that asked for it
    await Promise.all([opened?.readModels.destroy(), opened?.store.close()]);
  };
  const held = await holdStoreAlone(claim, async () => {
    opened = await openUnmigrated(config, projections, telemetry);
    return opened.runner.takeLeadership();
  }).catch(async (error: unknown) => {
    await closeOpened();
    throw error;
  });
  if (held && opened) return opened;
  await closeOpened();
  throw new ProjectionsLedElsewhere(opened ? 'another process leads the projections of this store' : 'an API instance serves this store');
};

/** A share of the store, compared with the serving instances' secrets when the instance signs tokens. */
const shareOf = (config: LedgerConfig, tokenSecret: string | undefined): Promise<StoreClaim> =>
  shareStore(config, tokenSecret === undefined ? undefined : { tokenSecret });

export const openEventSourcing = async (
  config: LedgerConfig,
  projections: readonly Projection[],
  telemetry: EventSourcingTelemetry = quietTelemetry,
  /**
   * leadFirst: a job's (rebuild): hold the store alone and take the projections' leadership before
   * the read models are migrated (which empties outdated ones), or throw ProjectionsLedElsewhere.
   * Otherwise an instance's: the share it was handed (main.ts took it, shareStoreToServe), or a
   * share of the store, or StoreHeldByJob; with the secret it signs tokens with (tokenSecret),
   * refused while instances with another serve the store.
   */
  options: { leadFirst?: boolean; tokenSecret?: string; share?: StoreClaim } = {},
): Promise<OpenEventSourcing> => {
  const claim = options.leadFirst ? storeClaimOf(config) : (options.share ?? (await shareOf(config, options.tokenSecret)));
  try {
    const { store, readModels, runner } = options.leadFirst
      ? await openLeading(config, projections, telemetry, claim)
      : await openUnmigrated(config, projections, telemetry);
    await requireWholeLog(store).catch(async (error: unknown) => {
      await runner.stop(); // a job's leadership (leadFirst) is given back with it
      await Promise.all([readModels.destroy(), store.close()]);
      throw error;
    });
    // Read-model tables are created by whichever instance starts first; the others wait their turn.
    await (config.eventStore === 'postgres'
      ? underSchemaLock(databaseUrlOf(config), () => runner.migrate())
      : underSqliteSchemaLock(join(config.dataDir, 'schema.lock'), () => runner.migrate()));
    return {
      store,
      readModels,
      runner,
      holdsStore: () => claim.held(),
      close: async () => {
        await runner.stop();
        await readModels.destroy();
        await store.close();
        await claim.release(); // last: a job may start only once nothing of this instance writes
      },
    };
  } catch (error) {
    await claim.release();
    throw error;
  }
};
