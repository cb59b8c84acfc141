import { join } from 'node:path';
import { migrateEvents } from '@cf/audit';
import { type EventStore, SqliteEventStore } from '@cf/event-store';
import { type OpenEventSourcing, loadConfig, openEventSourcing } from '@cf/ledger';
import { dropSchemas } from '../test/harness/store-under-test.js';
import { LEDGER_PROJECTIONS } from '../apps/api/ledger-contexts.js';
import { rebuildProjections } from '../apps/cli/commands/rebuild.command.js';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, scratch } from './bench-support.js';
import { BENCH_DATABASE_URL, postgresUnreachable } from './bench-postgres.js';
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

const rebuildAll = (eventSourcing: OpenEventSourcing): Promise<number> =>
  rebuildProjections(
    eventSourcing.runner,
    LEDGER_PROJECTIONS.map((p) => p.name),
  );

const SECRET = 'bench-secret-bench-secret-bench-secret';

/** Rebuilding every read model of a ledger, against reading its log alone, as one row. */
const rebuildRow = async (eventSourcing: OpenEventSourcing, store: string, appended: number): Promise<BenchRow> => {
  const best = await bestOfAlternating(ROUNDS, {
    reference: () => perSecond(() => readEverything(eventSourcing.store)),
    ours: () => perSecond(() => rebuildAll(eventSourcing)),
  });
  return {
    bench: 'projection rebuild',
    case: `${store}: ${LEDGER_PROJECTIONS.length} read models, ${appended.toLocaleString('en')} events`,
    value: best.ours,
    unit: 'events/s',
    reference: { label: `readAll in pages of ${PAGE}`, value: best.reference },
    higherIsBetter: true,
  };
};

/** The same history copied to PostgreSQL (log and read models in schemas of their own), or nothing when it is unreachable. */
const onPostgres = async (history: string, dataDir: string, appended: number): Promise<BenchRow[]> => {
  const unreachable = await postgresUnreachable();
  if (unreachable) {
    console.error(`projection rebuild on postgres skipped: ${unreachable}`);
    return [];
  }
  const schema = `cf_bench_rebuild_${process.pid}`;
  const config = loadConfig({
    ...process.env,
    EVENT_STORE: 'postgres',
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: SECRET,
  });
  const eventSourcing = await openEventSourcing(config, LEDGER_PROJECTIONS);
  try {
    const source = new SqliteEventStore({ file: history });
    await migrateEvents(source, eventSourcing.store).finally(() => source.close());
    return [await rebuildRow(eventSourcing, 'postgres', appended)];
  } finally {
    await eventSourcing.close();
    await dropSchemas(BENCH_DATABASE_URL, [schema, `${schema}_read`]);
  }
};

/**
 * `cli rebuild` of every read model over one project's long history, against reading the same
 * log in the same pages: the ratio is what the projections cost on top of the read. On SQLite,
 * and on PostgreSQL with the same history copied there.
 */
export const bench: Bench = {
  name: 'projection-rebuild',
  async run(): Promise<BenchRow[]> {
    const dir = scratch('rebuild');
    try {
      const history = join(dir.dir, 'events.sqlite');
      const appended = await writeHistory(history, EVENTS);
      const config = loadConfig({ ...process.env, EVENT_STORE: 'sqlite', DATA_DIR: dir.dir, AUTH_JWT_SECRET: SECRET });
      const eventSourcing = await openEventSourcing(config, LEDGER_PROJECTIONS);
      const onSqlite = await rebuildRow(eventSourcing, 'sqlite', appended).finally(() => eventSourcing.close());
      return [onSqlite, ...(await onPostgres(history, dir.dir, appended))];
    } finally {
      dir.remove();
    }
  },
};
