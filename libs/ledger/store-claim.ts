import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { PostgresStoreClaim, SECRET_MARKS, SqliteStoreClaim, STORE_CLAIM_FILE, type StoreClaim } from '@cf/event-store';
import { ConfigError, type LedgerConfig, databaseUrlOf } from './config/ledger-config.js';

/**
 * What a share shows of the secret its instance signs tokens with: 31 bits of an HMAC keyed by
 * it, enough to tell two secrets apart and nothing to find one by.
 */
const secretMarkOf = (secret: string): number =>
  createHmac('sha256', secret).update('the mark of a token secret').digest().readUInt32BE(0) & SECRET_MARKS;

/** Who uses the store (StoreClaim): kept where the leadership is, beside the log or in DATA_DIR. */
export const storeClaimOf = (config: LedgerConfig, tokenSecret?: string): StoreClaim => {
  const mark = tokenSecret === undefined ? undefined : secretMarkOf(tokenSecret);
  return config.eventStore === 'postgres'
    ? new PostgresStoreClaim(databaseUrlOf(config), config.databaseSchema, mark)
    : new SqliteStoreClaim(join(config.dataDir, STORE_CLAIM_FILE), mark);
};

/**
 * A job's hold (import, migrate, rebuild): the store alone, so no instance serves it (a follower
 * neither) nor starts meanwhile, then the projections' leadership, which a leader of code older
 * than the claim holds without a share. Whether both were taken; when either is refused or
 * throws, the claim is given back at once: a refused job keeps no instance out.
 */
export const holdStoreAlone = async (claim: StoreClaim, lead: () => Promise<boolean>): Promise<boolean> => {
  const held = await releasedOnError(claim, async () => (await claim.takeAlone()) && lead());
  if (!held) await claim.release();
  return held;
};

/** What `work` answers; when it throws, the claim is given back before the error goes on. */
export const releasedOnError = async <T>(claim: StoreClaim, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    await claim.release();
    throw error;
  }
};

/** A job (import, migrate, rebuild) holds the store alone: an instance does not start on it. */
export class StoreHeldByJob extends Error {
  constructor(config: LedgerConfig) {
    const store = config.eventStore === 'postgres' ? `DATABASE_SCHEMA=${config.databaseSchema}` : `DATA_DIR=${config.dataDir}`;
    super(`An import, migrate or rebuild holds this store (${store}): start the API once it has ended`);
  }
}

/** The secret an instance signs tokens with, compared with the serving instances' as its share is taken. */
export interface SecretCompared {
  tokenSecret: string;
  /** Not made yet: a newcomer's (no AUTH_JWT_SECRET, none kept in DATA_DIR), made once its share is held. */
  toBeMade?: boolean;
}

/** An instance's share of the store, refused as the one who started it should hear it. */
export const shareStore = async (config: LedgerConfig, compared?: SecretCompared): Promise<StoreClaim> => {
  const claim = storeClaimOf(config, compared?.tokenSecret);
  if (!(await claim.share())) throw new StoreHeldByJob(config);
  const others = compared ? await releasedOnError(claim, () => claim.otherSecretMarks()) : [];
  if (others.length === 0) return claim;
  await claim.release();
  throw otherSecret(config, others.length, compared?.toBeMade === true);
};

/**
 * Instances that sign with different secrets refuse each other's tokens: a user's requests would
 * work or not by the instance they reach. So the start of one whose secret differs from one serving
 * is refused; a secret is changed by stopping every instance and starting them with the new one.
 */
const otherSecret = (config: LedgerConfig, secrets: number, toBeMade: boolean): ConfigError => {
  const whose = `the secret${secrets > 1 ? 's' : ''} the instances serving this store sign tokens with`;
  const kept = join(config.dataDir, 'jwt-secret');
  const why = config.jwtSecret
    ? `differs from ${whose}`
    : toBeMade
      ? `is not set, and the secret this instance would make in ${kept} could not be ${whose}`
      : `is not set, and the secret kept in ${kept} differs from ${whose}`;
  return new ConfigError(
    'AUTH_JWT_SECRET',
    `${why}: every instance of a store needs the same one, or tokens one signs are refused by another; start this one with theirs (to change it, stop every instance, then start them all with the new one); nothing was written`,
  );
};
