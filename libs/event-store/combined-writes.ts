import { CompiledQuery } from 'kysely';
import { type ReadModelTransaction, onPostgres } from './projection.js';

/**
 * What is held: statements of a few rows, a command's. Measured on a local PostgreSQL, ten tables'
 * upserts of one row each took 1.0–1.1 ms as one statement against 1.8–2.4 ms as ten, and of ten
 * rows (50 parameters each) 2.1–2.2 ms against 2.8–3.2 ms; at twenty rows the two were even, and at
 * two hundred one statement took twice as long. A rebuild's statements of hundreds of rows go at once.
 */
const MOST_PARAMETERS_HELD_PER_STATEMENT = 64;
const MOST_PARAMETERS_HELD = 640;

interface HeldWrite {
  table: string;
  query: CompiledQuery;
}

/**
 * A page's writes on PostgreSQL, held and sent together as one statement (each but the last a
 * data-modifying WITH of the last, run in no set order), so a command's page costs one round trip
 * for the rows of all its read models and their checkpoints instead of one per table — about ten
 * fewer per command. On SQLite nothing is held: its statements cost no round trip, and each text
 * stays one prepared statement.
 *
 * The parts of one statement see the same snapshot and not each other's rows, so the order of
 * statements a page relies on is kept by sending what is held first: before a read or a delete of
 * a table with held writes (`before(table)`), before a statement of a projection's own
 * (`before()`), and before a write to a table already held from another group — two groups (two
 * projections, a page's rows and its counter moves, a shared table's inserts) may touch the same
 * row; one group never touches a row twice.
 */
export class CombinedWrites {
  private held: HeldWrite[] = [];
  private readonly groups = new Map<string, number>();
  private parameters = 0;
  private lastGroup = 0;

  constructor(
    private readonly trx: ReadModelTransaction,
    private readonly combines: boolean,
  ) {}

  /** Combining where a round trip is worth saving: on PostgreSQL. */
  static of(trx: ReadModelTransaction): CombinedWrites {
    return new CombinedWrites(trx, onPostgres(trx));
  }

  /** A group of writes that never touch one row twice (one table's rows of one PageWrites' write). */
  newGroup(): number {
    return ++this.lastGroup;
  }

  async write(table: string, group: number, query: CompiledQuery): Promise<void> {
    if (!this.combines) {
      await this.trx.executeQuery(query);
      return;
    }
    const heldGroup = this.groups.get(table);
    if ((heldGroup !== undefined && heldGroup !== group) || this.parameters + query.parameters.length > MOST_PARAMETERS_HELD) {
      await this.send();
    }
    if (query.parameters.length > MOST_PARAMETERS_HELD_PER_STATEMENT) {
      await this.trx.executeQuery(query);
      return;
    }
    this.held.push({ table, query });
    this.groups.set(table, group);
    this.parameters += query.parameters.length;
  }

  /** Sends what is held before a statement that reads `table` (or, without one, any table). */
  async before(table?: string): Promise<void> {
    if (this.held.length > 0 && (table === undefined || this.groups.has(table))) await this.send();
  }

  /** Sends every held write as one statement. */
  async send(): Promise<void> {
    const writes = this.held;
    if (writes.length === 0) return;
    this.held = [];
    this.groups.clear();
    this.parameters = 0;
    try {
      await this.trx.executeQuery(writes.length === 1 ? writes[0].query : combined(writes.map((w) => w.query)));
    } catch (error) {
      // Sent by whatever came next (another projection's read, the checkpoints): name the writes that failed.
      const tables = [...new Set(writes.map((w) => w.table))].join(', ');
      throw new Error(`the page's held writes to ${tables} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/**
 * `with w1 as (first), w2 as (second) third`, the placeholders of each part numbered on after
 * the part before. The parts are the ledger's own texts: quoted names, no literals, so every `$`
 * followed by digits is a placeholder (a part with a literal or a `$` in a name is refused, not renumbered).
 */
const combined = (parts: readonly CompiledQuery[]): CompiledQuery => {
  const texts: string[] = [];
  const parameters: unknown[] = [];
  for (const part of parts) {
    if (part.sql.includes("'") || (part.sql.match(/"[^"]*"/g) ?? []).some((name) => name.includes('$'))) {
      throw new Error(`a combined write must have no literals nor $ in a name: ${part.sql.slice(0, 80)}`);
    }
    const offset = parameters.length;
    texts.push(offset === 0 ? part.sql : part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    parameters.push(...part.parameters);
  }
  const last = texts.pop() as string;
  return CompiledQuery.raw(`with ${texts.map((text, i) => `w${i + 1} as (${text})`).join(', ')} ${last}`, parameters);
};
