import { join } from 'node:path';
import { EVENTS_PER_PAGE, ProjectionRunner } from '@cf/event-store';
import { LEDGER_PROJECTIONS } from '../apps/api/ledger-contexts.js';
import { readWholeLog, scratch } from './bench-support.js';
import { loadingReadModels, loadingStore } from './bulk-load.js';
import { HistoryWriter } from './dashboard-history.js';

/** About the events of one project: a few hundred days of work on it. */
export const PROJECT_EVENTS = 2_500;

/** A SQLite DATA_DIR whose log and read models hold `events` events (read models current). */
export interface StoreOfProjects {
  dir: string;
  events: number;
  /** Seconds it took to append them, to project them all, and to read the log alone in the same pages. */
  seconds: { written: number; projected: number; read: number };
  remove(): void;
}

/**
 * At least `total` events of projects of about PROJECT_EVENTS each: a bigger store holds more
 * projects, not longer ones, so a project's own queries read as many rows in either. Work
 * units are written to the projects in turn, so their histories interleave in the log as in a
 * live ledger. The read models are then caught up here, before any API opens the directory.
 */
export const storeOfProjects = async (total: number): Promise<StoreOfProjects> => {
  const dir = scratch('http');
  const started = performance.now();
  const store = loadingStore(join(dir.dir, 'events.sqlite'));
  const writers = Array.from({ length: Math.max(1, Math.round(total / PROJECT_EVENTS)) }, (_, p) => new HistoryWriter(store, p));
  const appended = (): number => writers.reduce((sum, writer) => sum + writer.appended, 0);
  for (const writer of writers) await writer.open();
  while (appended() < total) for (const writer of writers) await writer.workUnit();
  const written = performance.now();
  const readModels = loadingReadModels(join(dir.dir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(store, readModels, LEDGER_PROJECTIONS, EVENTS_PER_PAGE);
  await runner.migrate();
  await runner.catchUp();
  const projected = performance.now();
  await readWholeLog(store, EVENTS_PER_PAGE);
  const read = performance.now();
  await readModels.destroy();
  await store.close();
  const seconds = { written: (written - started) / 1000, projected: (projected - written) / 1000, read: (read - projected) / 1000 };
  console.error(
    `  ${appended()} events of ${writers.length} projects written in ${seconds.written.toFixed(1)} s, projected in ${seconds.projected.toFixed(1)} s`,
  );
  return { dir: dir.dir, events: appended(), seconds, remove: dir.remove };
};
