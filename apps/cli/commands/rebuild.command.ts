import type { ProjectionRunner } from '@cf/event-store';
import type { LedgerConfig } from '@cf/ledger';
import { ProjectionsLedElsewhere, openEventSourcing } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../api/ledger-contexts.js';
import { ProgressBar } from '../progress-bar.js';
import { reachLog } from '../reach-log.js';

/**
 * `rebuild [projection]`: empties one projection (or all) and replays the whole log into it.
 * Run it while the API is stopped: a live API would keep projecting into the same tables. Every
 * running instance holds a share of the store (StoreClaim) and one the projections' leadership, so
 * a rebuild is refused then (it emptied the tables under the instance, which went on answering
 * NOT_FOUND as if ready, and stayed short for good when commands came in meanwhile), and no
 * instance starts while it runs.
 */
const RUNNING_INSTANCE =
  'an API instance is serving this store, or another import, migrate or rebuild holds it: stop every instance, then rebuild (nothing was emptied)';

export const rebuildCommand = async (config: LedgerConfig, wanted?: string): Promise<void> => {
  const names = LEDGER_PROJECTIONS.map((p) => p.name);
  if (wanted && !names.includes(wanted)) throw new Error(`unknown projection "${wanted}"; known: ${names.join(', ')}`);
  await reachLog(config);
  // Led before the read models are migrated: migrating empties a projection whose version changed.
  const eventSourcing = await openEventSourcing(config, LEDGER_PROJECTIONS, undefined, { leadFirst: true }).catch((error: unknown) => {
    throw error instanceof ProjectionsLedElsewhere ? new Error(RUNNING_INSTANCE) : error;
  });
  try {
    const total = Number(await eventSourcing.store.headPosition());
    const bar = new ProgressBar(wanted ?? 'all projections', total);
    await rebuildProjections(eventSourcing.runner, wanted ? [wanted] : names, (position) => bar.update(Number(position)));
    bar.finish(total);
    console.log(`rebuilt ${wanted ?? names.join(', ')} from ${total} events`);
  } finally {
    await eventSourcing.close();
  }
};

/** Empties the named projections and replays the whole log into them; returns how many events were read. */
export const rebuildProjections = async (
  runner: ProjectionRunner,
  names: readonly string[],
  onProgress?: (position: bigint) => void,
): Promise<number> => {
  for (const name of names) await runner.reset(name);
  return runner.catchUp(onProgress);
};
