import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { importEvents, verifyExport } from '@cf/audit';
import { type LedgerConfig, holdStoreAlone, leadershipOf, openEventStore, storeClaimOf } from '@cf/ledger';
import { reachStore } from '../../api/startup-checks.js';
import { requireExportToRead } from '../export-file.js';
import { ProgressBar } from '../progress-bar.js';

/**
 * `import <file>`: loads an export into the configured store, which must be empty. The whole
 * file is verified first, before the store is even made; a bad line or a broken chain refuses it
 * with nothing written anywhere. Personal fields stay
 * sealed: they read as plaintext only where the key store holds their keys (copy
 * personal-data-keys.sqlite along, or use migrate, which copies keys). Start the API (or run
 * `rebuild`) afterwards to project the events into the read models.
 */
export const importCommand = async (config: LedgerConfig, file: string): Promise<void> => {
  requireExportToRead(file);
  const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  // Before the store is reached: reaching and opening it makes DATA_DIR and an empty store (a
  // schema on PostgreSQL), which export and rebuild would then take for a log.
  const verified = await verifyExport(lines, file);
  await reachStore(config); // a wrong setting named as the API names it; an empty store is made, as import needs
  // An instance serving the store would append among the imported events, whose positions must stay
  // the file's (a seal taken before verifies the copy): refused, as migrate refuses a served store.
  // Both held to the end: the store alone (every instance holds a share, followers too, and none
  // starts meanwhile), and the projections' leadership (held by a leader of code older than the claim).
  const claim = storeClaimOf(config);
  const leadership = leadershipOf(config);
  if (!(await holdStoreAlone(claim, () => leadership.acquire()))) {
    await leadership.release(); // a lead refused may leave the session that asked for it open
    throw new Error(
      'an API instance is serving this store, or another import, migrate or rebuild holds it: stop every instance, then import (nothing was imported)',
    );
  }
  try {
    const store = openEventStore(config);
    try {
      const bar = new ProgressBar('import', verified.events);
      const result = await importEvents(store, lines, verified, (done) => bar.update(done), `import ${file}`);
      bar.finish(result.events);
      console.log(`imported ${result.events} events in ${result.streams} streams into ${store.name}; every chain verified`);
      if (verified.skipped) console.log(renumbered(verified.skipped));
    } finally {
      await store.close();
    }
  } finally {
    await leadership.release();
    await claim.release();
  }
};

/** Said after an import whose file skips positions: its seals do not hold for the copy, whose positions were renumbered. */
const renumbered = ({ after, to }: { after: bigint; to: bigint }): string =>
  `positions renumbered: the file skips from position ${after} to ${to} (a one-project export, or events taken out of a whole log), ` +
  'so the copy numbers its events anew from there and a seal taken of the source does not verify it: verify the copy without that seal and take a new one';
