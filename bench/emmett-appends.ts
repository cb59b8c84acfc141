import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import pg from 'pg';
import type { Appender } from './append-contest.js';
import { BATCH, STREAMS, sampleEvent } from './bench-support.js';

/**
 * The same appends through Emmett, the peer event store: 1 event per append to 1,000 streams
 * with the expected version checked, and batches of 100 into new streams. Emmett's SQLite store
 * opens a connection per operation and sets WAL itself (synchronous stays at SQLite's FULL),
 * as its users get it.
 */
const emmettEvent = (i: number) => {
  const { type, data, metadata } = sampleEvent(i);
  return { type, data, metadata };
};

type ExpectedVersion = bigint | typeof STREAM_DOES_NOT_EXIST;
/** The one call both Emmett stores share, typed once for the two of them. */
interface EmmettStore {
  appendToStream(
    stream: string,
    events: Array<ReturnType<typeof emmettEvent>>,
    options: { expectedStreamVersion: ExpectedVersion },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
}

const appendThrough = (store: EmmettStore, close: () => Promise<void>): Appender => {
  const versions = new Map<string, bigint>();
  return {
    single: async (i: number) => {
      const stream = `s-${i % STREAMS}`;
      const expected: ExpectedVersion = versions.get(stream) ?? STREAM_DOES_NOT_EXIST;
      const result = await store.appendToStream(stream, [emmettEvent(i)], { expectedStreamVersion: expected });
      versions.set(stream, result.nextExpectedStreamVersion);
    },
    batch: (i: number) =>
      store.appendToStream(
        `b-${i}`,
        Array.from({ length: BATCH }, (_, j) => emmettEvent(j)),
        { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
      ),
    close,
  };
};

export const emmettSqliteAppends = (file: string): Appender =>
  appendThrough(getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } }), async () => undefined);

/** Emmett keeps its tables in the connection's default schema, so each round gets a database of its own. */
export const emmettPostgresAppends = async (serverUrl: string, database: string): Promise<Appender> => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const store = getPostgreSQLEventStore(url.toString());
  await store.schema.migrate();
  return appendThrough(store, async () => {
    await store.close();
    await admin.query(`DROP DATABASE "${database}"`);
    await admin.end();
  });
};
