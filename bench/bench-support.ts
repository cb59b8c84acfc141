import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '@cf/event-store';

/** A temporary directory, removed by the returned function. */
export const scratch = (prefix: string): { dir: string; remove(): void } => {
  const dir = mkdtempSync(join(tmpdir(), `cf-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Reads every event of the log page by page, as the projection runner reads it (upcast), and nothing else; returns how many. */
export const readWholeLog = async (store: EventStore, page: number): Promise<number> => {
  let read = 0;
  for (let after = 0n; ;) {
    const events = await store.readAll({ after, limit: page });
    if (events.length === 0) return read;
    read += events.length;
    after = events[events.length - 1].position;
  }
};

/** Operations per second of `count` sequential calls of `op`. */
export const rate = async (count: number, op: (i: number) => unknown): Promise<number> => {
  const { perSecond, failure } = await rateUntilFailure(count, op);
  if (failure) throw new Error(failure);
  return perSecond;
};

/** Like `rate`, but a failing call ends the run: the rate counts the calls done before it, and says why it stopped. */
export const rateUntilFailure = async (count: number, op: (i: number) => unknown): Promise<{ perSecond: number; failure?: string }> => {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    try {
      await op(i);
    } catch (error) {
      return { perSecond: (i / (performance.now() - started)) * 1000, failure: `${(error as Error).message} (call ${i + 1} of ${count})` };
    }
  }
  return { perSecond: (count / (performance.now() - started)) * 1000 };
};

/** The p-th percentile (0–100) of ascending `sorted` values: the smallest value at least p % of them do not exceed. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs every contestant in turn `rounds` times and keeps the best figure of each (less noise from the others). */
export const bestOfAlternating = async <Name extends string>(
  rounds: number,
  contestants: Record<Name, () => Promise<number>>,
): Promise<Record<Name, number>> => {
  const best = {} as Record<Name, number>;
  for (let round = 0; round < rounds; round++) {
    for (const [name, measure] of Object.entries(contestants) as Array<[Name, () => Promise<number>]>) {
      best[name] = Math.max(best[name] ?? 0, await measure());
    }
  }
  return best;
};

const actor = { userId: 'bench-user', name: 'Bench User' };

/** A realistic event: a request of ~300 bytes of data and the usual metadata. */
export const sampleEvent = (i: number): NewEvent => ({
  type: 'RequestRaised',
  data: {
    requestId: `req-${i}`,
    projectId: 'project-bench',
    title: `Export invoices as CSV (${i})`,
    description: 'The finance team wants a CSV export of every invoice of the month, with credit notes.',
    kind: 'FEATURE',
    channel: 'WRITTEN',
    requestedById: 'contact-1',
    requirementIds: ['requirement-1', 'requirement-2'],
    at: '2025-03-01T10:00:00.000Z',
  },
  metadata: { actor, occurredAt: '2025-03-01T10:00:00.000Z', correlationId: `corr-${i}` },
});

/** The reference row of a plain INSERT: the same columns and sizes as ours, without the store's work. */
export const plainRow = (stream: string, revision: number, i: number): unknown[] => {
  const event = sampleEvent(i);
  return [
    stream,
    revision,
    event.type,
    1,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.metadata.occurredAt,
    '0'.repeat(64),
    'f'.repeat(64),
  ];
};

export const STREAMS = 1_000;
export const BATCH = 100;
