import {
  type EventMetadata,
  type Projection,
  type ReadModelDb,
  type RecordedEvent,
  type Row,
  applyEvents,
  migrateCheckpoints,
  openPostgresReadModels,
  openSqliteReadModels,
} from '@cf/event-store';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';

/** An event as a spec writes it: its stream, type and data; position and revision are counted. */
export interface GivenEvent {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Partial<EventMetadata>;
}

/** Expected rows per table; only the tables named are compared, each row in full, in any order. */
export type ThenRows = Record<string, Row[]>;

const ACTOR = { userId: 'u-1', name: 'Una' };
let schemas = 0;

/** The store EVENT_STORE names: SQLite in memory, or a schema of its own on the test PostgreSQL. */
const openStore = async (): Promise<{ db: ReadModelDb; remove: () => Promise<void> }> => {
  if (process.env.EVENT_STORE !== 'postgres') return { db: openSqliteReadModels(':memory:'), remove: async () => undefined };
  const schema = `cf_projection_spec_${process.pid}_${schemas++}`;
  const db = await openPostgresReadModels(TEST_DATABASE_URL, schema);
  return { db, remove: () => dropSchemas(TEST_DATABASE_URL, [schema]) };
};

const recorded = (events: GivenEvent[], after: RecordedEvent[]): RecordedEvent[] => {
  const all = [...after];
  for (const event of events) {
    const revision = all.filter((e) => e.stream === event.stream).length;
    all.push({
      position: BigInt(all.length + 1),
      stream: event.stream,
      indexInStream: revision,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { actor: ACTOR, occurredAt: '2026-03-02T09:00:00.000Z', correlationId: `c-${all.length + 1}`, ...event.metadata },
      prevHash: '',
      hash: `h-${all.length + 1}`,
    });
  }
  return all.slice(after.length);
};

/** Rows in a stable order, each with its columns sorted: equal tables compare equal. */
const sortedRows = (rows: Row[]): string[] => rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();

/**
 * Given events / when events / then rows, for projections (in the manner of emmett's projection
 * specifications): the given events are applied as one page and the when events as the next,
 * through the runner's own path, and then the named tables hold exactly the expected rows, and
 * the read model answers as `answers` expects (for what is derived when read, not kept in a row).
 *
 *   await projectionSpecification(requestsProjection).given([raised]).when([responded]).then({ requests: [row] });
 */
export const projectionSpecification = (projection: Projection) => ({
  given: (given: GivenEvent[]) => ({
    when: (when: GivenEvent[]) => ({
      then: async (expected: ThenRows, answers?: (db: ReadModelDb) => Promise<void>): Promise<void> => {
        const { db, remove } = await openStore();
        try {
          await migrateCheckpoints(db);
          await projection.migrate(db);
          const first = recorded(given, []);
          for (const page of [first, recorded(when, first)]) {
            if (page.length > 0) await db.transaction().execute((trx) => applyEvents(trx, projection, page));
          }
          const actual: Record<string, string[]> = {};
          for (const table of Object.keys(expected))
            actual[table] = sortedRows((await db.selectFrom(table).selectAll().execute()) as Row[]);
          expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([table, rows]) => [table, sortedRows(rows)])));
          await answers?.(db);
        } finally {
          await db.destroy();
          await remove();
        }
      },
    }),
  }),
});
