import type pg from 'pg';
import type { IdempotentAppend, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../../event-store.js';
import { parseIdempotent } from '../../idempotency.js';
import type { Upcasters } from '../../upcasting.js';
import { type PostgresEventRow, storedEvent } from './postgres-schema.js';

/**
 * The log's reads on PostgreSQL: a stream by revision, the whole log by position, its head, and
 * the stored result of an idempotent append. Events are upcast as they are read, unless asked raw.
 */
export class PostgresReads {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly upcasters: Upcasters,
  ) {}

  private get table(): string {
    return `"${this.schema}".events`;
  }

  async stream(stream: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const from = options.fromIndex ?? 0;
    const rows = await this.pool.query<PostgresEventRow>(
      `SELECT * FROM ${this.table} WHERE stream = $1 AND revision >= $2 ORDER BY revision`,
      [stream, from],
    );
    return rows.rows.map((row) => this.toRecorded(row, options.raw));
  }

  async lastIndexOf(stream: string): Promise<number> {
    const tail = await this.pool.query<{ revision: number }>(`SELECT MAX(revision) AS revision FROM ${this.table} WHERE stream = $1`, [
      stream,
    ]);
    return tail.rows[0]?.revision ?? -1;
  }

  async all(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const rows = await this.pool.query<PostgresEventRow>(`SELECT * FROM ${this.table} WHERE position > $1 ORDER BY position LIMIT $2`, [
      options.after.toString(),
      options.limit,
    ]);
    return rows.rows.map((row) => this.toRecorded(row, options.raw));
  }

  async head(): Promise<bigint> {
    const head = await this.pool.query<{ head: string }>(`SELECT COALESCE(MAX(position), 0) AS head FROM ${this.table}`);
    return BigInt(head.rows[0].head);
  }

  async idempotentResult(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    const row = await this.pool.query<{ result: string }>(
      `SELECT result FROM "${this.schema}".idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return row.rows[0] ? parseIdempotent(row.rows[0].result) : undefined;
  }

  private toRecorded(row: PostgresEventRow, raw = false): RecordedEvent {
    const stored = storedEvent(row);
    return raw ? stored : this.upcasters.apply(stored);
  }
}
