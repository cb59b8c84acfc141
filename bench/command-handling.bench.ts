import { join } from 'node:path';
import { appendBatch, appendBatches, eventsAfter } from '@cf/audit';
import { type EventStore, PostgresEventStore, type RecordedEvent, SqliteEventStore } from '@cf/event-store';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, rate, scratch } from './bench-support.js';
import { dropSchemas } from '../test/harness/store-under-test.js';
import { BENCH_DATABASE_URL, postgresUnreachable } from './bench-postgres.js';
import { type InProcessPortal, openInProcessPortal } from './in-process-portal.js';
import { type RoundTrips, countRoundTrips } from './round-trips.js';
import { TeamWork } from './team-work.js';

const PROJECTS = 3;
const ROUNDS = 3;

/** Where the portal keeps its log and read models, and a fresh empty store of the same kind for the reference. */
interface StoreUnderTest {
  label: string;
  commands: number;
  portalEnv: Record<string, string>;
  emptyStore(round: number): Promise<{ store: EventStore; close(): Promise<void> }>;
  remove(): Promise<void>;
}

const sqlite = (): StoreUnderTest => {
  const dir = scratch('commands');
  return {
    label: 'sqlite',
    commands: 900,
    portalEnv: { EVENT_STORE: 'sqlite', DATA_DIR: join(dir.dir, 'portal') },
    emptyStore: async (round) => {
      const store = new SqliteEventStore({ file: join(dir.dir, `reference-${round}`, 'events.sqlite') });
      return { store, close: () => store.close() };
    },
    remove: async () => dir.remove(),
  };
};

const postgres = (): StoreUnderTest => {
  const dir = scratch('commands-pg');
  const schema = `bench_commands_${process.pid}`;
  return {
    label: 'postgres',
    commands: 450,
    portalEnv: { EVENT_STORE: 'postgres', DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema, DATA_DIR: dir.dir },
    emptyStore: async (round) => {
      const store = new PostgresEventStore({ connectionString: BENCH_DATABASE_URL, schema: `${schema}_reference_${round}` });
      await store.headPosition();
      return {
        store,
        close: async () => {
          await store.close();
          await dropSchemas(BENCH_DATABASE_URL, [`${schema}_reference_${round}`]);
        },
      };
    },
    remove: async () => {
      await dropSchemas(BENCH_DATABASE_URL, [schema, `${schema}_read`]);
      dir.remove();
    },
  };
};

/** What the commands are: the team's whole day (raise, answer, commit), or promising alone (make and revise commitments). */
interface Workload {
  label: string;
  command(work: TeamWork, i: number): Promise<void>;
}
const WORKLOADS: Workload[] = [
  { label: `raise, answer, commit in ${PROJECTS} projects`, command: (work, i) => work.command(i) },
  { label: `make and revise commitments in ${PROJECTS} projects`, command: (work, i) => work.promise(i) },
];

/** Commands per second of `count` commands of the workload, and the appends they made (one per command). */
interface Timed {
  perSecond: number;
  /** What the store held before: the reference store gets it first, untimed, so its streams are where the commands found them. */
  earlier: RecordedEvent[][];
  appends: RecordedEvent[][];
  /** PostgreSQL statements the process sent while the commands ran (reads, appends, projections), per command. */
  roundTrips: number;
}

const batchesOf = async (portal: InProcessPortal, after: bigint, upTo?: bigint): Promise<RecordedEvent[][]> => {
  const batches: RecordedEvent[][] = [];
  for await (const batch of appendBatches(eventsAfter(portal.ledger.store, after))) {
    if (upTo !== undefined && batch[0].position > upTo) break;
    batches.push(batch);
  }
  return batches;
};

const timeCommands = async (
  portal: InProcessPortal,
  work: TeamWork,
  workload: Workload,
  count: number,
  trips: RoundTrips,
): Promise<Timed> => {
  const before = await portal.ledger.store.headPosition();
  const tripsBefore = trips.count();
  const perSecond = await rate(count, (i) => workload.command(work, i));
  const roundTrips = (trips.count() - tripsBefore) / count;
  const appends = await batchesOf(portal, before);
  if (appends.length !== count) throw new Error(`expected one append per command, got ${appends.length} for ${count}`);
  return { perSecond, earlier: await batchesOf(portal, 0n, before), appends, roundTrips };
};

/** The same appends, one per command, into a store of the same kind that holds what the commands found: the store's share of the work. */
const timeAppends = async (target: StoreUnderTest, round: number, { earlier, appends }: Timed): Promise<number> => {
  const { store, close } = await target.emptyStore(round);
  try {
    for (const batch of earlier) await appendBatch(store, batch);
    return await rate(appends.length, (i) => appendBatch(store, appends[i]));
  } finally {
    await close();
  }
};

const measure = async (target: StoreUnderTest, workload: Workload, offset: number, trips: RoundTrips): Promise<BenchRow> => {
  const portal = await openInProcessPortal(target.portalEnv);
  try {
    const work = new TeamWork(portal);
    await work.setUp(PROJECTS);
    // A first, untimed run warms the process up and gives the first reference round its appends.
    let last = await timeCommands(portal, work, workload, target.commands, trips);
    let round = offset;
    const roundTrips: number[] = [];
    const best = await bestOfAlternating(ROUNDS, {
      reference: () => timeAppends(target, round++, last),
      ours: async () => {
        last = await timeCommands(portal, work, workload, target.commands, trips);
        roundTrips.push(last.roundTrips);
        return last.perSecond;
      },
    });
    const perCommand = roundTrips.reduce((sum, n) => sum + n, 0) / ROUNDS;
    return {
      bench: 'command handling',
      case: `${target.label}: ${workload.label}`,
      value: best.ours,
      unit: 'commands/s',
      reference: { label: 'append of the same events, 1 per command', value: best.reference },
      higherIsBetter: true,
      note: `validated, read, decided, appended, projected${perCommand > 0 ? `; ${perCommand.toFixed(1)} round trips to PostgreSQL per command` : ''}`,
    };
  } finally {
    await portal.close();
  }
};

const run = async (): Promise<BenchRow[]> => {
  const targets = [sqlite()];
  const unreachable = await postgresUnreachable();
  if (unreachable) console.error(`command-handling on postgres skipped: ${BENCH_DATABASE_URL} is unreachable (${unreachable})`);
  else targets.push(postgres());
  const rows: BenchRow[] = [];
  const trips = countRoundTrips();
  for (const target of targets) {
    try {
      for (const [index, workload] of WORKLOADS.entries()) rows.push(await measure(target, workload, index * (ROUNDS + 1), trips));
    } finally {
      await target.remove();
    }
  }
  trips.stop();
  return rows;
};

/**
 * A mutation's whole path in the API process — validation of the input, access and facts from
 * the read models, the stream read, the decision, the append, and the projections brought up to
 * date before it answers — against appending the same events, one append per command.
 */
export const bench: Bench = { name: 'command-handling', run };
