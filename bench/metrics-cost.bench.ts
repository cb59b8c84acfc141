import { join } from 'node:path';
import type { Bench, BenchRow } from './bench-table.js';
import { bestOfAlternating, rate, scratch } from './bench-support.js';
import { type InProcessPortal, openInProcessPortal } from './in-process-portal.js';
import { TeamWork } from './team-work.js';

const PROJECTS = 3;
/** Whole rounds of raise, answer, commit: each contestant's work stays in step. */
const COMMANDS = 300;
const WARM_UP = 201;
const ROUNDS = 9;

interface Contestant {
  portal: InProcessPortal;
  work: TeamWork;
  done: number;
}

const open = async (dir: string, metrics: 'on' | 'off'): Promise<Contestant> => {
  const portal = await openInProcessPortal({ EVENT_STORE: 'sqlite', DATA_DIR: join(dir, `metrics-${metrics}`), METRICS: metrics });
  const work = new TeamWork(portal);
  await work.setUp(PROJECTS);
  // Untimed: warms the process up for both alike.
  await rate(WARM_UP, (i) => work.command(i));
  return { portal, work, done: WARM_UP };
};

const run = async (): Promise<BenchRow[]> => {
  const dir = scratch('metrics');
  const on = await open(dir.dir, 'on');
  const off = await open(dir.dir, 'off');
  try {
    const next = (c: Contestant) => async () => {
      const start = c.done;
      c.done += COMMANDS;
      return rate(COMMANDS, (i) => c.work.command(start + i));
    };
    const best = await bestOfAlternating(ROUNDS, { reference: next(off), ours: next(on) });
    return [
      {
        bench: 'metrics cost',
        case: `sqlite: raise, answer, commit in ${PROJECTS} projects, metrics on`,
        value: best.ours,
        unit: 'commands/s',
        reference: { label: 'the same with METRICS=off', value: best.reference },
        higherIsBetter: true,
        target: {
          ratio: 0.95,
          whenMissed:
            'With metrics on, a command adds a few counter increments and histogram observations (prom-client, microseconds each) to about a millisecond of work, so a miss is more likely other processes loading this shared machine between rounds than the metrics: rerun it on a quiet machine. If it persists, what would close it: observing the append histogram for a sample of appends only.',
        },
        note: 'commands through the CommandBus as the resolvers send them; metrics recorded: command counter and histogram, append counter and histogram, events applied per projection',
      },
    ];
  } finally {
    await on.portal.close();
    await off.portal.close();
    dir.remove();
  }
};

/** What Prometheus metrics cost a command: the same work with METRICS=on and off, alternating rounds in one process. */
export const bench: Bench = { name: 'metrics-cost', run };
