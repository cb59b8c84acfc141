import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@cf/event-store';
import { SQLITE_EVENT_SCHEMA } from '../libs/event-store/adapters/sqlite/sqlite-schema.js';
import type { Bench, BenchRow } from './bench-table.js';
import { BATCH, STREAMS, bestOfAlternating, plainRow, rate, sampleEvent, scratch } from './bench-support.js';

const SINGLE = 3_000;
const BATCHES = 300;
const INSERT = `INSERT INTO events (stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The practical limit: the same driver, table and durability (WAL, synchronous=FULL), nothing else. */
const plainInserts = (file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SQLITE_EVENT_SCHEMA);
  const insert = db.prepare(INSERT);
  const revisions = new Map<string, number>();
  const next = (stream: string): number => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    return revision;
  };
  return {
    single: (i: number) => db.transaction(() => { const s = `s-${i % STREAMS}`; insert.run(...plainRow(s, next(s), i)); })(),
    batch: (i: number) => db.transaction(() => { const s = `b-${i}`; for (let j = 0; j < BATCH; j++) insert.run(...plainRow(s, next(s), j)); })(),
    close: () => db.close(),
  };
};

const ourAppends = (file: string) => {
  const store = new SqliteEventStore({ file });
  const revisions = new Map<string, number>();
  return {
    single: async (i: number) => {
      const stream = `s-${i % STREAMS}`;
      const expected = revisions.get(stream) ?? 'no_stream';
      revisions.set(stream, (await store.append(stream, [sampleEvent(i)], { expectedRevision: expected })).nextExpectedRevision);
    },
    batch: (i: number) => store.append(`b-${i}`, Array.from({ length: BATCH }, (_, j) => sampleEvent(j)), { expectedRevision: 'no_stream' }),
    close: () => store.close(),
  };
};

const run = async (): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  for (const mode of ['single', 'batch'] as const) {
    let round = 0;
    const timed = async (open: typeof plainInserts | typeof ourAppends): Promise<number> => {
      const tmp = scratch('append-sqlite');
      const target = open(join(tmp.dir, `events-${round++}.sqlite`));
      try {
        const perSecond = mode === 'single' ? await rate(SINGLE, target.single) : await rate(BATCHES, target.batch);
        return mode === 'single' ? perSecond : perSecond * BATCH;
      } finally {
        await target.close();
        tmp.remove();
      }
    };
    const best = await bestOfAlternating(3, () => timed(plainInserts), () => timed(ourAppends));
    rows.push({
      bench: 'append sqlite',
      case: mode === 'single' ? `1 event per append, ${STREAMS} streams` : `batches of ${BATCH}`,
      value: best.ours,
      unit: 'events/s',
      reference: { label: mode === 'single' ? 'plain INSERT, 1 per txn' : `plain INSERT, ${BATCH} per txn`, value: best.reference },
      higherIsBetter: true,
    });
  }
  return rows;
};

export const bench: Bench = { name: 'append-sqlite', run };
