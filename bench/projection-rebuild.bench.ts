import { join } from 'node:path';
import { migrateEvents } from '@cf/audit';
import { EVENTS_PER_PAGE, SqliteEventStore } from '@cf/event-store';
import { type OpenEventSourcing, loadConfig, openEventSourcing } from '@cf/ledger';
import { dropSchemas } from '../test/harness/store-under-test.js';
import { LEDGER_PROJECTIONS } from '../apps/api/ledger-contexts.js';
import { rebuildProjections } from '../apps/cli/commands/rebuild.command.js';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, readWholeLog, scratch } from './bench-support.js';
import { BENCH_DATABASE_URL, postgresUnreachable } from './bench-postgres.js';
import { writeHistory } from './dashboard-history.js';
import { countRoundTrips } from './round-trips.js';

const EVENTS = 50_000;
const ROUNDS = 3;
/** The runner's page size: the reference reads in the same pages. */
const PAGE = EVENTS_PER_PAGE;

const perSecond = async (work: () => Promise<number>): Promise<number> => {
  const started = performance.now();
  const events = await work();
  return (events / (performance.now() - started)) * 1000;
};

const rebuildAll = (eventSourcing: OpenEventSourcing): Promise<number> =>
  rebuildProjections(
    eventSourcing.runner,
    LEDGER_PROJECTIONS.map((p) => p.name),
  );

const SECRET = 'bench-secret-bench-secret-bench-secret';

const REBUILD_TARGETS: Record<string, BenchRow['target']> = {
  sqlite: {
    ratio: 0.5,
    whenMissed:
      "Measured apart in the row's note: each read model rebuilt alone over the same log costs several times the read, so no single one limits it; the commitments and the audit log cost the most. Profiled over a whole rebuild, about a third of the time is SQLite running the page's statements, mostly its multi-row inserts (the audit log copies every event under six indexes), a tenth is garbage collection, and the rest the projections' own code and the page's row bookkeeping (rows copied to be changed, keys as text, counters moved per entity). Reading the log is one sequential scan; a rebuild writes several rows with their indexes for every event it reads. Already done: every projection writes by page (the webhook outbox too), pages of 10,000 events (each commit writes the index pages its rows touched, nearly as many for 2,000 as for 10,000), no look for an entity's first event, the WAL checkpointed ten times less often. Indexes alone are not it: with all 28 secondary indexes of the read models dropped before the rebuild (measured apart, once), it ran at 15,500 events/s against 10,700 with them, 0.10× against 0.09× of the read in the same runs, before building any index back. What would close it is a step of five, not a tuning: fewer rows written per event (the audit log is a second copy of the log), and rows kept as arrays by column position instead of copied objects, so that the projections' own code and the garbage it leaves shrink with the statements.",
  },
  postgres: {
    ratio: 0.3,
    whenMissed:
      "Measured apart in the row's note: the round trips, counted there, and each read model alone. The rows a page looks up by key stay in memory for the next pages (KeptRows), so a rebuild reads a row once rather than once per page: round trips per 1,000 events went from 325 to 213 with no change in time (11.1 s before and 11.3 s after over the same log, on one machine), so round trips are not what limits it. What is left is the rows sent and PostgreSQL's work on them: the multi-row inserts, whose parameters pg serialises one by one, the audit log's (a row per event under six indexes) and the commitments' the most. What would close it: COPY instead of INSERT for rows a rebuild only adds, and secondary indexes built once after a rebuild instead of row by row.",
  },
};

/** Each read model rebuilt alone over the same log, the read included: where a full rebuild's time goes. */
const eachAlone = async (eventSourcing: OpenEventSourcing): Promise<string> => {
  const seconds: string[] = [];
  for (const { name } of LEDGER_PROJECTIONS) {
    const started = performance.now();
    await rebuildProjections(eventSourcing.runner, [name]);
    seconds.push(`${name} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  return `each read model rebuilt alone (reading the log included): ${seconds.join(', ')}`;
};

/** Rebuilding every read model of a ledger, against reading its log alone, as one row; on PostgreSQL with its round trips counted. */
const rebuildRow = async (eventSourcing: OpenEventSourcing, store: string, appended: number): Promise<BenchRow> => {
  const trips = store === 'postgres' ? countRoundTrips() : undefined;
  let rebuilt = 0;
  let rebuildTrips = 0;
  const best = await bestOfAlternating(ROUNDS, {
    reference: () => perSecond(() => readWholeLog(eventSourcing.store, PAGE)),
    ours: () =>
      perSecond(async () => {
        const before = trips?.count() ?? 0;
        const read = await rebuildAll(eventSourcing);
        rebuildTrips += (trips?.count() ?? 0) - before;
        rebuilt += read;
        return read;
      }),
  });
  const perThousand = trips ? `; ${((rebuildTrips / rebuilt) * 1000).toFixed(0)} round trips to PostgreSQL per 1,000 events rebuilt` : '';
  trips?.stop();
  const readAlone = (appended / best.reference).toFixed(2);
  return {
    bench: 'projection rebuild',
    case: `${store}: ${LEDGER_PROJECTIONS.length} read models, ${appended.toLocaleString('en')} events`,
    value: best.ours,
    unit: 'events/s',
    reference: { label: `readAll in pages of ${PAGE}`, value: best.reference },
    higherIsBetter: true,
    note: `reading the log alone ${readAlone} s; ${await eachAlone(eventSourcing)}${perThousand}`,
    target: REBUILD_TARGETS[store],
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
    await migrateEvents(source, () => eventSourcing.store).finally(() => source.close());
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
