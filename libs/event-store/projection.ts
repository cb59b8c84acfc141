import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { RecordedEvent } from './event-store.js';
import type { PageRows, TableKeys } from './page-rows.js';

/** Read models are plain SQL tables; their schema is typed loosely on purpose (one per projection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelTransaction = Transaction<any>;

/**
 * Whether the read models are on PostgreSQL (else SQLite): it numbers its placeholders, locks
 * rows for update, and a round trip saved there is worth combining statements.
 */
export const onPostgres = (db: ReadModelDb | ReadModelTransaction): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * A projection says what an event does to its rows (PageRows); the runner keeps the rows a page
 * of events changes in memory and writes them in bulk, with the checkpoint, in one transaction.
 */
export interface Projection {
  readonly name: string;
  /** Raised when its tables or what it derives change: outdated tables are dropped and rebuilt from the log (default 1). */
  readonly version?: number;
  /** The tables it owns: emptied on rebuild. */
  readonly tables: readonly string[];
  /** The key columns of each table it writes: rows are read, replaced and deleted by key. */
  readonly keys: TableKeys;
  /**
   * Its tables that another process also writes (the webhook dispatcher's delivery state): their
   * rows are read from the database in every page, never kept from an earlier one (KeptRows).
   */
  readonly writtenElsewhere?: readonly string[];
  /** Creates its tables if missing (idempotent; runs at start). */
  migrate(db: ReadModelDb): Promise<void>;
  project(rows: PageRows, event: RecordedEvent): Promise<void>;
}

/** Where a projection is: the global position of the last event it applied. */
export interface ProjectionStatus {
  name: string;
  position: bigint;
}

/** Told, after each page, how many events a projection applied (for metrics). */
export interface ProjectionObserver {
  applied(projection: string, events: number): void;
}
