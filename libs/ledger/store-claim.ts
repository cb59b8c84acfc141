import { join } from 'node:path';
import { PostgresStoreClaim, SqliteStoreClaim, STORE_CLAIM_FILE, type StoreClaim } from '@cf/event-store';
import { type LedgerConfig, databaseUrlOf } from './config/ledger-config.js';

/** Who uses the store (StoreClaim): kept where the leadership is, beside the log or in DATA_DIR. */
export const storeClaimOf = (config: LedgerConfig): StoreClaim =>
  config.eventStore === 'postgres'
    ? new PostgresStoreClaim(databaseUrlOf(config), config.databaseSchema)
    : new SqliteStoreClaim(join(config.dataDir, STORE_CLAIM_FILE));

/**
 * A job's hold (import, migrate, rebuild): the store alone, so no instance serves it (a follower
 * neither) nor starts meanwhile, then the projections' leadership, which a leader of code older
 * than the claim holds without a share. Whether both were taken; when either is refused or
 * throws, the claim is given back at once: a refused job keeps no instance out.
 */
export const holdStoreAlone = async (claim: StoreClaim, lead: () => Promise<boolean>): Promise<boolean> => {
  const held = await claim
    .takeAlone()
    .then((alone) => alone && lead())
    .catch(async (error: unknown) => {
      await claim.release();
      throw error;
    });
  if (!held) await claim.release();
  return held;
};

/** A job (import, migrate, rebuild) holds the store alone: an instance does not start on it. */
export class StoreHeldByJob extends Error {
  constructor(config: LedgerConfig) {
    const store = config.eventStore === 'postgres' ? `DATABASE_SCHEMA=${config.databaseSchema}` : `DATA_DIR=${config.dataDir}`;
    super(`An import, migrate or rebuild holds this store (${store}): start the API once it has ended`);
  }
}

/** An instance's share of the store, refused as the one who started it should hear it. */
export const shareStore = async (config: LedgerConfig): Promise<StoreClaim> => {
  const claim = storeClaimOf(config);
  if (!(await claim.share())) throw new StoreHeldByJob(config);
  return claim;
};

/**
 * Refuses a start while a job holds the store, before the app is built: from inside Nest's module
 * factory the refusal would end the process with a stack trace. The app then takes its own share.
 */
export const requireStoreNotHeldByJob = async (config: LedgerConfig): Promise<void> => (await shareStore(config)).release();
