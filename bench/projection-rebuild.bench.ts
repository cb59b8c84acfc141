import { join } from 'node:path';
import type { EventStore } from '@cf/event-store';
import { type OpenLedger, loadConfig, openLedger } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../apps/api/ledger-contexts.js';
import { rebuildProjections } from '../apps/cli/commands/rebuild.command.js';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, scratch } from './bench-support.js';
import { writeHistory } from './dashboard-history.js';

const EVENTS = 50_000;
const ROUNDS = 3;
/** The runner's page size (openLedger): the reference reads in the same pages. */
const PAGE = 500;

const perSecond = async (work: () => Promise<number>): Promise<number> => {
  const started = performance.now();
  const events = await work();
  return (events / (performance.now() - started)) * 1000;
};

/** Every event of the log, page by page as the runner reads it (upcast), and nothing else. */
const readEverything = async (store: EventStore): Promise<number> => {
  let read = 0;
  for (let after = 0n; ;) {
    const page = await store.readAll({ after, limit: PAGE });
    if (page.length === 0) return read;
    read += page.length;
    after = page[page.length - 1].position;
  }
};

const rebuildAll = (ledger: OpenLedger): Promise<number> => rebuildProjections(ledger.runner, LEDGER_PROJECTIONS.map((p) => p.name));

/**
 * `cli rebuild` of every read model over one project's long history, against reading the same
 * log in the same pages: the ratio is what the projections cost on top of the read.
 */
export const bench: Bench = {
  name: 'projection-rebuild',
  async run(): Promise<BenchRow[]> {
    const dir = scratch('rebuild');
    try {
      const appended = await writeHistory(join(dir.dir, 'events.sqlite'), EVENTS);
      const config = loadConfig({ ...process.env, EVENT_STORE: 'sqlite', DATA_DIR: dir.dir, AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret' });
      const ledger = await openLedger(config, LEDGER_PROJECTIONS);
      try {
        const best = await bestOfAlternating(ROUNDS, {
          reference: () => perSecond(() => readEverything(ledger.store)),
          ours: () => perSecond(() => rebuildAll(ledger)),
        });
        return [{
          bench: 'projection rebuild',
          case: `sqlite: ${LEDGER_PROJECTIONS.length} read models, ${appended.toLocaleString('en')} events`,
          value: best.ours,
          unit: 'events/s',
          reference: { label: `readAll in pages of ${PAGE}`, value: best.reference },
          higherIsBetter: true,
        }];
      } finally {
        await ledger.close();
      }
    } finally {
      dir.remove();
    }
  },
};
