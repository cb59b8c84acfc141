import 'reflect-metadata';
import type { Bench, BenchRow } from './bench-table.js';
import { renderTable } from './bench-table.js';
import { writeResults } from './results-file.js';

/**
 * `npm run bench`: every benchmark in one process, each comparing itself with a reference
 * measured in the same run. Register new benches in BENCHES. `npm run bench -- <name>` runs one
 * and leaves bench/RESULTS.md as it is; a full run rewrites it.
 */
const BENCHES: Array<() => Promise<Bench>> = [
  () => import('./dashboard.bench.js').then((m) => m.dashboardBench),
  async () => (await import('./append-sqlite.bench.js')).bench,
  async () => (await import('./append-postgres.bench.js')).bench,
  async () => (await import('./command-handling.bench.js')).bench,
  async () => (await import('./metrics-cost.bench.js')).bench,
  async () => (await import('./projection-rebuild.bench.js')).bench,
  async () => (await import('./http.bench.js')).httpBench,
];

const main = async (): Promise<void> => {
  const only = process.argv[2];
  const startedAt = new Date();
  const rows: BenchRow[] = [];
  for (const load of BENCHES) {
    const bench = await load();
    if (only && bench.name !== only) continue;
    console.error(`running ${bench.name} …`);
    const measured = await bench.run();
    console.error(renderTable(measured));
    for (const row of measured.filter((r) => r.note)) console.error(`- ${row.case}: ${row.note}`);
    rows.push(...measured);
  }
  console.log(renderTable(rows));
  if (!only) console.error(`written: ${await writeResults(rows, startedAt)}`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
