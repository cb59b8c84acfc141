import { appendBatch, appendBatches, eventsAfter } from '@cf/audit';
import type { RecordedEvent } from '@cf/event-store';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, rate } from './bench-support.js';
import { BENCH_DATABASE_URL, postgresUnreachable } from './bench-postgres.js';
import { type StoreUnderTest, postgres, sqlite } from './command-handling-stores.js';
import { type InProcessPortal, openInProcessPortal } from './in-process-portal.js';
import { type RoundTrips, countRoundTrips } from './round-trips.js';
import { TeamWork } from './team-work.js';
import { type CommandPhases, timeCommandPhases } from './command-phases.js';

const PROJECTS = 3;
const ROUNDS = 3;

const COMMAND_TARGET = {
  ratio: 0.5,
  whenMissed:
    "Measured apart in each row's note: a mutation answers only after every read model has applied its events (read-your-writes), so a command pays its append and then a read-model transaction of its own (on SQLite a second commit; on PostgreSQL BEGIN, the checkpoints' lock, the reads of rows not kept, one statement for every read model's rows and the checkpoints, and COMMIT), and that wait is the larger part of it; the validation, the access check, the facts and the decision are the smallest. Round trips per command on PostgreSQL went from 32.2 to 22.9 (raise, answer, commit) and from 33.8 to 26.5 (make and revise) by hearing the head from the append, ending a catch-up on a short page, asking the leader's lock once a second, one read for access, counters moved without reads and a command's few rows in one statement per table, then to about 21 and 23 by keeping the rows a projection looked up between its pages (KeptRows), then to about 14 and 18.5 by sending a page's writes to every read model and its checkpoints as one statement (CombinedWrites); that last third of the round trips moved a command's time less than this machine's noise between runs, so on a local server the wait is PostgreSQL's work on the statements and the projections' JavaScript, not the trips. What would close it: applying a command's events to the read models in the append's own transaction (inline projections, as Marten and Emmett offer), so a command pays one commit, or answering a mutation from the events it decided and letting the read models follow.",
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
  /** Per command, in ms: the whole command, its append, and its wait for the read models. */
  split: { command: number; append: number; projectionWait: number };
}

const batchesOf = async (portal: InProcessPortal, after: bigint, upTo?: bigint): Promise<RecordedEvent[][]> => {
  const batches: RecordedEvent[][] = [];
  for await (const batch of appendBatches(eventsAfter(portal.eventSourcing.store, after))) {
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
  phases: CommandPhases,
): Promise<Timed> => {
  const before = await portal.eventSourcing.store.headPosition();
  const tripsBefore = trips.count();
  phases.reset();
  const perSecond = await rate(count, (i) => workload.command(work, i));
  const split = { command: 1000 / perSecond, append: phases.appendMs / count, projectionWait: phases.projectionWaitMs / count };
  const roundTrips = (trips.count() - tripsBefore) / count;
  const appends = await batchesOf(portal, before);
  if (appends.length !== count) throw new Error(`expected one append per command, got ${appends.length} for ${count}`);
  return { perSecond, earlier: await batchesOf(portal, 0n, before), appends, roundTrips, split };
};

/** Where a command's time went, averaged over the timed rounds. */
const splitNote = (timed: Timed[]): string => {
  const mean = (of: (t: Timed) => number): number => timed.reduce((sum, t) => sum + of(t), 0) / timed.length;
  const [command, append, wait] = [mean((t) => t.split.command), mean((t) => t.split.append), mean((t) => t.split.projectionWait)];
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  return `per command ${ms(command)}: append ${ms(append)}, waiting for the read models ${ms(wait)}, the rest (validation, access and facts, stream read, decision) ${ms(command - append - wait)}`;
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
    const phases = timeCommandPhases(portal.eventSourcing);
    await work.setUp(PROJECTS);
    // A first, untimed run warms the process up and gives the first reference round its appends.
    let last = await timeCommands(portal, work, workload, target.commands, trips, phases);
    let round = offset;
    const timed: Timed[] = [];
    const best = await bestOfAlternating(ROUNDS, {
      reference: () => timeAppends(target, round++, last),
      ours: async () => {
        last = await timeCommands(portal, work, workload, target.commands, trips, phases);
        timed.push(last);
        return last.perSecond;
      },
    });
    const perCommand = timed.reduce((sum, t) => sum + t.roundTrips, 0) / ROUNDS;
    return {
      bench: 'command handling',
      case: `${target.label}: ${workload.label}`,
      value: best.ours,
      unit: 'commands/s',
      reference: { label: 'append of the same events, 1 per command', value: best.reference },
      higherIsBetter: true,
      target: COMMAND_TARGET,
      note: `validated, read, decided, appended, projected; ${splitNote(timed)}${perCommand > 0 ? `; ${perCommand.toFixed(1)} round trips to PostgreSQL per command` : ''}`,
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
