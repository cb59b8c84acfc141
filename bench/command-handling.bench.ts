import { join } from 'node:path';
import { appendBatch, appendBatches, eventsAfter } from '@cf/audit';
import { type EventStore, PostgresEventStore, type RecordedEvent, SqliteEventStore } from '@cf/event-store';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, rate, scratch } from './bench-support.js';
import { dropSchemas } from '../test/harness/store-under-test.js';
import { BENCH_DATABASE_URL, postgresUnreachable } from './bench-postgres.js';
import { type InProcessPortal, openInProcessPortal } from './in-process-portal.js';
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
      return { store, close: async () => { await store.close(); await dropSchemas(BENCH_DATABASE_URL, [`${schema}_reference_${round}`]); } };
    },
    remove: async () => { await dropSchemas(BENCH_DATABASE_URL, [schema, `${schema}_read`]); dir.remove(); },
  };
};

/** Commands per second of `count` commands of the team's work, and the appends they made (one per command). */
const timeCommands = async (portal: InProcessPortal, work: TeamWork, count: number): Promise<{ perSecond: number; appends: RecordedEvent[][] }> => {
  const before = await portal.ledger.store.headPosition();
  const perSecond = await rate(count, (i) => work.command(i));
  const appends: RecordedEvent[][] = [];
  for await (const batch of appendBatches(eventsAfter(portal.ledger.store, before))) appends.push(batch);
  if (appends.length !== count) throw new Error(`expected one append per command, got ${appends.length} for ${count}`);
  return { perSecond, appends };
};

/** The same appends, one per command, into an empty store of the same kind: the store's share of the work. */
const timeAppends = async (target: StoreUnderTest, round: number, appends: RecordedEvent[][]): Promise<number> => {
  const { store, close } = await target.emptyStore(round);
  try {
    return await rate(appends.length, (i) => appendBatch(store, appends[i]));
  } finally {
    await close();
  }
};

const measure = async (target: StoreUnderTest): Promise<BenchRow> => {
  const portal = await openInProcessPortal(target.portalEnv);
  try {
    const work = new TeamWork(portal);
    await work.setUp(PROJECTS);
    // A first, untimed run warms the process up and gives the first reference round its appends.
    let last = await timeCommands(portal, work, target.commands);
    let round = 0;
    const best = await bestOfAlternating(ROUNDS, {
      reference: () => timeAppends(target, round++, last.appends),
      ours: async () => {
        last = await timeCommands(portal, work, target.commands);
        return last.perSecond;
      },
    });
    return {
      bench: 'command handling',
      case: `${target.label}: raise, answer, commit in ${PROJECTS} projects`,
      value: best.ours,
      unit: 'commands/s',
      reference: { label: 'append of the same events, 1 per command', value: best.reference },
      higherIsBetter: true,
      note: 'validated, read, decided, appended, projected',
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
  for (const target of targets) {
    try {
      rows.push(await measure(target));
    } finally {
      await target.remove();
    }
  }
  return rows;
};

/**
 * A mutation's whole path in the API process — validation of the input, access and facts from
 * the read models, the stream read, the decision, the append, and the projections brought up to
 * date before it answers — against appending the same events, one append per command.
 */
export const bench: Bench = { name: 'command-handling', run };
