import type { EventStore } from '@cf/event-store';
import type { BenchRow } from './bench-table.js';
import { BATCH, STREAMS, bestOfAlternating, rateUntilFailure, sampleEvent } from './bench-support.js';

/** One way of appending the bench's events: one event to one of 1,000 streams, or a batch of 100 to a new stream. */
export interface Appender {
  single(i: number): Promise<unknown>;
  batch(i: number): Promise<unknown>;
  close(): Promise<void>;
}

/** Our store, whichever adapter: the expected revision checked on every single append. */
export const storeAppends = (store: EventStore, close: () => Promise<void>): Appender => {
  const revisions = new Map<string, number>();
  return {
    single: async (i: number) => {
      const stream = `s-${i % STREAMS}`;
      const expected = revisions.get(stream) ?? 'no_stream';
      revisions.set(stream, (await store.append(stream, [sampleEvent(i)], { expectedLastIndex: expected })).lastIndex);
    },
    batch: (i: number) =>
      store.append(
        `b-${i}`,
        Array.from({ length: BATCH }, (_, j) => sampleEvent(j)),
        { expectedLastIndex: 'no_stream' },
      ),
    close,
  };
};

export interface AppendContest {
  bench: string;
  singles: number;
  batches: number;
  /** Each opens a fresh target (file, schema or database) named by the round. */
  open: {
    plain: (round: string) => Promise<Appender>;
    ours: (round: string) => Promise<Appender>;
    emmett: (round: string) => Promise<Appender>;
  };
  /** What limits each mode against plain INSERTs, and against Emmett, and what would close the gap. */
  whenMissed: { single: string; batch: string; emmett: string };
}

/**
 * Ours against plain INSERTs (the practical limit) and against Emmett, in alternating rounds.
 * A plain INSERT or our store failing fails the bench; Emmett failing is a result, and its row
 * says after how many calls and why.
 */
export const runAppendContest = async (contest: AppendContest): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  let round = 0;
  for (const mode of ['single', 'batch'] as const) {
    const emmettFailures: string[] = [];
    const timed = (name: keyof AppendContest['open']) => async (): Promise<number> => {
      const target = await contest.open[name](`${process.pid}_${round++}`);
      try {
        const count = mode === 'single' ? contest.singles : contest.batches;
        const { perSecond, failure } = await rateUntilFailure(count, (i) => target[mode](i));
        if (failure && name !== 'emmett') throw new Error(`${contest.bench}, ${name}: ${failure}`);
        if (failure) emmettFailures.push(failure);
        return mode === 'single' ? perSecond : perSecond * BATCH;
      } finally {
        await target.close();
      }
    };
    const best = await bestOfAlternating(3, { plain: timed('plain'), ours: timed('ours'), emmett: timed('emmett') });
    const label = mode === 'single' ? `1 event per append, ${STREAMS} streams` : `batches of ${BATCH}`;
    const perTxn = mode === 'single' ? '1 per commit' : `${BATCH} per commit`;
    const row = { bench: contest.bench, value: best.ours, unit: 'events/s', higherIsBetter: true };
    rows.push({
      ...row,
      case: label,
      reference: { label: `plain INSERT, ${perTxn}`, value: best.plain },
      target: { ratio: 0.8, whenMissed: contest.whenMissed[mode] },
    });
    rows.push({
      ...row,
      case: `${label}, against Emmett`,
      reference: { label: emmettFailures.length ? 'Emmett, until it failed' : 'Emmett', value: best.emmett },
      target: { ratio: 1, whenMissed: contest.whenMissed.emmett },
      note: emmettFailures.length ? `Emmett failed in ${emmettFailures.length} of 3 rounds: ${emmettFailures[0]}` : undefined,
    });
  }
  return rows;
};
