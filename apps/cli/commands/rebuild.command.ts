import type { LedgerConfig } from '@cf/ledger';
import { openLedger } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../api/ledger-contexts.js';
import type { CliArguments } from '../cli-arguments.js';
import { ProgressBar } from '../progress-bar.js';

/**
 * `rebuild [projection]`: empties one projection (or all) and replays the whole log into it.
 * Run it while the API is stopped: a live API would keep projecting into the same tables.
 */
export const rebuildCommand = async (config: LedgerConfig, args: CliArguments): Promise<void> => {
  const wanted = args.positional[0];
  const names = LEDGER_PROJECTIONS.map((p) => p.name);
  if (wanted && !names.includes(wanted)) throw new Error(`unknown projection "${wanted}"; known: ${names.join(', ')}`);
  const ledger = await openLedger(config, LEDGER_PROJECTIONS);
  try {
    for (const name of wanted ? [wanted] : names) await ledger.runner.reset(name);
    const total = Number(await ledger.store.headPosition());
    const bar = new ProgressBar(wanted ?? 'all projections', total);
    await ledger.runner.catchUp((position) => bar.update(Number(position)));
    bar.finish(total);
    console.log(`rebuilt ${wanted ?? names.join(', ')} from ${total} events`);
  } finally {
    await ledger.close();
  }
};
