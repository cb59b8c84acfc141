import pg from 'pg';
import { PostgresEventStore } from '@cf/event-store';
import { postgresEventSchema } from '../libs/event-store/adapters/postgres/postgres-schema.js';
import type { BenchRow } from './bench-table.js';
import { STREAMS, bestOfAlternating, plainRow, sampleEvent } from './bench-support.js';
import { BENCH_DATABASE_URL as URL, insertPlainRows } from './bench-postgres.js';
import { dropSchemas } from '../test/harness/store-under-test.js';

const WRITERS = 8;
const APPENDS = 4_000;

/** How the i-th append of a run is made by one of the writers; a failure is counted, never retried. */
interface Writers {
  append(writer: number, i: number): Promise<unknown>;
  close(): Promise<void>;
}

/** Appends per second of WRITERS loops appending at once, the i-th append to stream s-(i mod STREAMS), and how many failed. */
const runWriters = async (writers: Writers): Promise<{ perSecond: number; failed: number }> => {
  let next = 0;
  let failed = 0;
  const loop = async (writer: number): Promise<void> => {
    for (let i = next++; i < APPENDS; i = next++) await writers.append(writer, i).catch(() => failed++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, writer) => loop(writer)));
  return { perSecond: ((APPENDS - failed) / (performance.now() - started)) * 1000, failed };
};

/** The practical limit: WRITERS connections, each append one autocommitted single-row INSERT, no lock, no tail read, no hash. */
const plainInserts = async (schema: string): Promise<Writers> => {
  const clients = Array.from({ length: WRITERS }, () => new pg.Client({ connectionString: URL }));
  await Promise.all(clients.map((client) => client.connect()));
  await clients[0].query(postgresEventSchema(schema));
  const revisions = new Map<string, number>();
  let position = 0;
  return {
    append: (writer, i) => {
      const stream = `s-${i % STREAMS}`;
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      return insertPlainRows(clients[writer], schema, [[++position, ...plainRow(stream, revision, i)]]);
    },
    close: async () => {
      await clients[0].query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all(clients.map((client) => client.end()));
    },
  };
};

/** Our store, shared by the writers as a service's requests share it, each append checking its expected revision. */
const ourAppends = async (schema: string): Promise<Writers> => {
  const store = new PostgresEventStore({ connectionString: URL, schema });
  await store.headPosition();
  const revisions = new Map<string, number>();
  return {
    append: async (_writer, i) => {
      const stream = `s-${i % STREAMS}`;
      const result = await store.append(stream, [sampleEvent(i)], { expectedLastIndex: revisions.get(stream) ?? 'no_stream' });
      revisions.set(stream, result.lastIndex);
    },
    close: async () => {
      await store.close();
      await dropSchemas(URL, [schema]);
    },
  };
};

const WHEN_MISSED =
  "Ours commits the appends that queued during a call as one call, one INSERT and one commit; the plain connections commit on their own, and PostgreSQL may share one WAL flush among them. Ours does a group's work in turn — the server's (the tails of the group's streams, SHA-256 in SQL for each event, the INSERT), the commit, the round trip and the writers' next events — while the plain connections overlap theirs on both cores; with a slow disk the shared flush hides that, with a fast one it shows. What would close it: hashing in Node after an optimistic tail read, so the server only inserts.";

/**
 * 1 event per append from WRITERS writers at once, into 1,000 streams: our store (group
 * commit) against plain autocommitted INSERTs of the same rows over WRITERS connections, both
 * committed as durably (synchronous_commit as the server has it), in alternating rounds.
 */
export const concurrentWritersRow = async (): Promise<BenchRow> => {
  let round = 0;
  let failed = 0;
  const timed = (name: 'plain' | 'ours', open: (schema: string) => Promise<Writers>) => async (): Promise<number> => {
    const writers = await open(`bench_writers_${process.pid}_${round++}`);
    try {
      const run = await runWriters(writers);
      if (name === 'plain' && run.failed > 0) throw new Error(`append postgres, plain INSERTs by ${WRITERS} writers: ${run.failed} failed`);
      failed += run.failed;
      return run.perSecond;
    } finally {
      await writers.close();
    }
  };
  const best = await bestOfAlternating(3, { plain: timed('plain', plainInserts), ours: timed('ours', ourAppends) });
  return {
    bench: 'append postgres',
    case: `1 event per append, ${WRITERS} concurrent writers, ${failed} failed appends`,
    value: best.ours,
    unit: 'events/s',
    reference: { label: `plain INSERT, 1 per commit, ${WRITERS} connections`, value: best.plain },
    higherIsBetter: true,
    target: { ratio: 0.8, whenMissed: WHEN_MISSED },
    note: `${APPENDS.toLocaleString('en')} appends to ${STREAMS} streams per round, best of 3 alternating rounds; failed appends counted over all 3`,
  };
};
