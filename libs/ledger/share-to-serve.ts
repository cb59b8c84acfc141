import { join } from 'node:path';
import { type StoreClaim, lockSqliteFileWithin } from '@cf/event-store';
import { type JwtSecret, keepJwtSecret, knownJwtSecret, newJwtSecret } from './auth/jwt-secret.js';
import type { LedgerConfig } from './config/ledger-config.js';
import { releasedOnError, shareStore } from './store-claim.js';

/** How long a start waits for another on the same DATA_DIR to keep its newcomer's secret. */
const NEWCOMER_TURN_MS = 15_000;

/** An instance's share of the store, and the token secret it showed as it took it. */
export interface ServedStore {
  share: StoreClaim;
  secret: JwtSecret;
}

/**
 * The API's share, taken before the app is built (from inside Nest's module factory a refusal
 * would end the process with a stack trace) and handed to it, so no other start fits between a
 * check and the share it checked: refused while a job holds the store, or while instances with
 * another token secret serve it. A newcomer's secret is shown as a candidate first and kept in
 * DATA_DIR only once its share is held, so a refused start keeps none; newcomers starting at once
 * on one DATA_DIR take turns at that, and the later ones find the first one's kept.
 */
export const shareStoreToServe = async (config: LedgerConfig): Promise<ServedStore> => {
  const servingWith = async (secret: string): Promise<ServedStore> => ({
    share: await shareStore(config, { tokenSecret: secret }),
    secret: { secret, made: false },
  });
  const known = knownJwtSecret(config);
  if (known !== undefined) return servingWith(known);
  const turn = await newcomersTurn(join(config.dataDir, 'jwt-secret.lock'));
  try {
    const keptMeanwhile = knownJwtSecret(config);
    if (keptMeanwhile !== undefined) return await servingWith(keptMeanwhile);
    const candidate = newJwtSecret();
    const share = await shareStore(config, { tokenSecret: candidate, toBeMade: true });
    const kept = await releasedOnError(share, async () => keepJwtSecret(config, candidate));
    if (kept.secret === candidate) return { share, secret: kept };
    // Kept first by a process that takes no turn (`seed`): that one is this instance's, shown and compared anew.
    await share.release();
    return await servingWith(kept.secret);
  } finally {
    turn.close();
  }
};

/** A lock file held alone, waited for: the next newcomer's start goes on once this one has kept its secret. */
const newcomersTurn = async (file: string): Promise<{ close(): void }> => {
  const held = await lockSqliteFileWithin(file, 'alone', NEWCOMER_TURN_MS, 20);
  if (held) return held;
  throw new Error(`another start on this DATA_DIR held ${file} for ${NEWCOMER_TURN_MS / 1000} s`);
};
