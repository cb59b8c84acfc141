import type { Kysely, Transaction } from 'kysely';
import type { RecordedEvent } from './event-store.js';

/** Read models are plain SQL tables; their schema is typed loosely on purpose (one per projection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelTransaction = Transaction<any>;

/**
 * A projection owns some tables and turns events into rows. `apply` runs inside the
 * transaction that also moves the projection's checkpoint, so each event takes effect once.
 */
export interface Projection {
  readonly name: string;
  /** Raised when its tables or what it derives change: outdated tables are dropped and rebuilt from the log (default 1). */
  readonly version?: number;
  /** The tables it owns: emptied on rebuild. */
  readonly tables: readonly string[];
  /** Creates its tables if missing (idempotent; runs at start). */
  migrate(db: ReadModelDb): Promise<void>;
  apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void>;
}
