import { brokenLinkText, verifyLog } from '@cf/audit';
import { requireWholeLog } from '@cf/event-store';
import { type LedgerConfig, openEventStore } from '@cf/ledger';
import { ProgressBar } from '../progress-bar.js';
import { reachLog } from '../reach-log.js';

/**
 * `verify`: every stream's hash chain over the whole log, for an operator (the API's
 * `verifyAuditTrail` checks the projects an auditor audits, and a seal). A broken link names the
 * stream, its revision and its position, and the command exits 1.
 */
export const verifyCommand = async (config: LedgerConfig): Promise<void> => {
  await reachLog(config, { readOnly: true }); // a mistyped DATA_DIR would "verify 0 events" of a store made there
  const store = openEventStore(config, undefined, { readOnly: true });
  try {
    // Every chain of a log only begun holds: it would pass as whole.
    await requireWholeLog(store);
    const bar = new ProgressBar('verify', Number(await store.headPosition()));
    const check = await verifyLog(store, (position) => bar.update(Number(position)));
    bar.finish(Number(await store.headPosition()));
    if (check.firstBroken)
      throw new Error(`${brokenLinkText(check.firstBroken)}: the log was altered there (nothing was changed by this check)`);
    console.log(`verified ${check.events} events in ${check.streams} streams: every chain holds`);
  } finally {
    await store.close();
  }
};
