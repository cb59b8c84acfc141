import pg from 'pg';
import { PostgresEventStore } from '@cf/event-store';
import { postgresEventSchema } from '../libs/event-store/adapters/postgres/postgres-schema.js';
import type { Bench, BenchRow } from './bench-table.js';
import { type Appender, runAppendContest } from './append-contest.js';
import { BATCH, STREAMS, plainRow, sampleEvent } from './bench-support.js';
import { emmettPostgresAppends } from './emmett-appends.js';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SINGLE = 2_000;
const BATCHES = 100;

/** The practical limit: pg, the same table, one transaction per append, nothing else (no lock, no tail read). */
const plainInserts = async (schema: string): Promise<Appender> => {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  await client.query(postgresEventSchema(schema));
  const insert = `INSERT INTO "${schema}".events (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
  let position = 0;
  const revisions = new Map<string, number>();
  const row = async (stream: string, i: number) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    await client.query(insert, [++position, ...plainRow(stream, revision, i)]);
  };
  const inTransaction = async (work: () => Promise<void>) => {
    await client.query('BEGIN');
    await work();
    await client.query('COMMIT');
  };
  return {
    single: (i: number) => inTransaction(() => row(`s-${i % STREAMS}`, i)),
    batch: (i: number) => inTransaction(async () => { for (let j = 0; j < BATCH; j++) await row(`b-${i}`, j); }),
    close: async () => { await client.query(`DROP SCHEMA "${schema}" CASCADE`); await client.end(); },
  };
};

const ourAppends = async (schema: string): Promise<Appender> => {
  const store = new PostgresEventStore({ connectionString: URL, schema });
  await store.headPosition();
  const revisions = new Map<string, number>();
  return {
    single: async (i: number) => {
      const stream = `s-${i % STREAMS}`;
      const expected = revisions.get(stream) ?? 'no_stream';
      revisions.set(stream, (await store.append(stream, [sampleEvent(i)], { expectedRevision: expected })).nextExpectedRevision);
    },
    batch: (i: number) => store.append(`b-${i}`, Array.from({ length: BATCH }, (_, j) => sampleEvent(j)), { expectedRevision: 'no_stream' }),
    close: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
};

const reachable = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

const run = async (): Promise<BenchRow[]> => {
  const unreachable = await reachable();
  if (unreachable) {
    console.error(`append-postgres skipped: ${URL} is unreachable (${unreachable})`);
    return [];
  }
  return runAppendContest({
    bench: 'append postgres',
    singles: SINGLE,
    batches: BATCHES,
    open: {
      plain: (round) => plainInserts(`bench_${round}`),
      ours: (round) => ourAppends(`bench_${round}`),
      emmett: (round) => emmettPostgresAppends(URL, `bench_emmett_${round}`),
    },
    whenMissed: {
      single: 'Ours takes three round trips like the reference (BEGIN with the append lock; the tail and head in one SELECT; rows, pg_notify and COMMIT in one simple query), but the lock, the two index lookups and the notification are server work the reference skips, and on localhost a round trip costs about as much as the commit. What would close it: group commit, one transaction for the appends that queue behind the lock.',
      batch: 'The rows go in one multi-row INSERT; a miss means the hashing (≈ 5 µs per event) outweighed it on a busy machine.',
      emmett: 'Emmett appends with one call of a stored function (emt_append_to_stream) plus BEGIN and COMMIT, without a hash chain or a global ordering lock. What would close it: the same group commit, or moving the tail read into the INSERT statement so an append is BEGIN-with-lock plus one statement with COMMIT.',
    },
  });
};

export const bench: Bench = { name: 'append-postgres', run };
