import type pg from 'pg';

/** The mark of a job filling a log (EventStore.unfinishedFill) in its schema's unfinished_fill table: one row at most. */
export class PostgresUnfinishedFill {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  /**
   * The job. A log made before there was its table has none (no job of this version filled it). A
   * role that may not read the table (an auditor's, granted SELECT on the tables there were then)
   * cannot tell whether the log is whole, and is told the grant it lacks.
   */
  async job(): Promise<string | undefined> {
    const table = `${this.schema}.unfinished_fill`;
    try {
      const { rows } = await this.pool.query<{ job: string }>(`SELECT job FROM "${this.schema}".unfinished_fill`);
      return rows[0]?.job;
    } catch (error) {
      const { code } = error as { code?: string };
      if (code === '42P01') return undefined;
      if (code !== '42501') throw error;
      throw new Error(
        `this role may not read ${table}, which tells whether an import or migrate left the log unfinished: grant it SELECT on ${table}`,
        { cause: error },
      );
    }
  }

  async mark(job: string | undefined): Promise<void> {
    const table = `"${this.schema}".unfinished_fill`;
    await (job === undefined
      ? this.pool.query(`DELETE FROM ${table}`)
      : this.pool.query(`INSERT INTO ${table} (id, job) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET job = excluded.job`, [job]));
  }
}
