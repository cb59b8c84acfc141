import { join } from 'node:path';
import { GetDashboardHandler, GetDashboardQuery, GetDashboardResolver } from '@cf/dashboards';
import { EventSourcing, type OpenEventSourcing, openEventSourcing, loadConfig } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { LEDGER_PROJECTIONS } from '../apps/api/ledger-contexts.js';
import type { Bench, BenchRow } from './bench-table.js';
import { percentile, scratch } from './bench-support.js';
import { BENCH_PROJECT, managerOf, writeHistory } from './dashboard-history.js';

const SMALL = 10_000;
const LARGE = 200_000;
const QUERIES = 300;

/** The Dashboard operation as the API answers it: the query handler plus the contactDays field. */
const dashboardQuery = (open: OpenEventSourcing) => {
  const eventSourcing = new EventSourcing(open);
  const handler = new GetDashboardHandler(eventSourcing, new ProjectAccess(eventSourcing));
  const resolver = new GetDashboardResolver(undefined as never, eventSourcing);
  const caller = { actor: managerOf(0), correlationId: 'bench' };
  return async (): Promise<void> => {
    const dashboard = await handler.execute(new GetDashboardQuery(BENCH_PROJECT, caller));
    await resolver.contactDays(dashboard, '2026-03');
  };
};

/** Median and p99 in ms of each query, timed in alternating rounds so both see the same machine load. */
const timeAlternately = async (queries: Array<() => Promise<void>>): Promise<Array<{ p50: number; p99: number }>> => {
  const times: number[][] = queries.map(() => []);
  for (const query of queries) for (let i = 0; i < 30; i++) await query();
  for (let round = 0; round < QUERIES / 20; round++) {
    for (const [q, query] of queries.entries()) {
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        await query();
        times[q].push(performance.now() - started);
      }
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)).map((t) => ({ p50: percentile(t, 50), p99: percentile(t, 99) }));
};

/** A store and read models in their own directory, holding one project with `total` events. */
const projectWith = async (total: number) => {
  const dir = scratch('dashboards');
  const config = loadConfig({
    ...process.env,
    EVENT_STORE: 'sqlite',
    DATA_DIR: dir.dir,
    AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
  });
  const started = performance.now();
  const appended = await writeHistory(join(dir.dir, 'events.sqlite'), total);
  const open = await openEventSourcing(config, LEDGER_PROJECTIONS);
  await open.runner.catchUp();
  console.error(`  ${appended} events loaded and projected in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    query: dashboardQuery(open),
    close: async () => {
      await open.close();
      dir.remove();
    },
  };
};

/**
 * The dashboard reads summary rows, not history: its query time must not grow with the
 * project's events. One project with 10,000 events and one with 200,000 (each alone in its
 * store) are queried in alternating rounds; the ratio of the medians should stay near 1.
 */
export const dashboardBench: Bench = {
  name: 'dashboards',
  async run(): Promise<BenchRow[]> {
    const projects = [await projectWith(SMALL), await projectWith(LARGE)];
    try {
      const [small, large] = await timeAlternately(projects.map((p) => p.query));
      const row = (label: string, value: number, reference?: { label: string; value: number }): BenchRow => ({
        bench: 'dashboards',
        case: label,
        value,
        unit: 'ms',
        higherIsBetter: false,
        ...(reference ? { reference } : {}),
      });
      return [
        row(`Dashboard p50, ${SMALL.toLocaleString('en')} events`, small.p50),
        row(`Dashboard p99, ${SMALL.toLocaleString('en')} events`, small.p99),
        {
          ...row(`Dashboard p50, ${LARGE.toLocaleString('en')} events`, large.p50, { label: '10k p50', value: small.p50 }),
          target: {
            ratio: 1.5,
            whenMissed: 'Some dashboard figure grows with history: EXPLAIN the read-model queries of GetDashboardHandler for a scan.',
          },
        },
        {
          ...row(`Dashboard p99, ${LARGE.toLocaleString('en')} events`, large.p99, { label: '10k p99', value: small.p99 }),
          target: {
            ratio: 1.5,
            whenMissed:
              'The p99 is a handful of samples and moves with garbage-collection pauses of the process that just loaded 200,000 events (the p50 shows whether the queries grew). Timing in a process of its own would steady it.',
          },
        },
      ];
    } finally {
      for (const p of projects) await p.close();
    }
  },
};
