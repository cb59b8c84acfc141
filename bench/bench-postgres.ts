import pg from 'pg';

/** The PostgreSQL benches' database: DATABASE_URL, else the test database on localhost. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why the database cannot be reached, or undefined when it can: a bench without it is skipped, not failed. */
export const postgresUnreachable = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

/** The reference appends' statement: the rows (position first, then plainRow's columns) as one autocommitted INSERT. */
export const insertPlainRows = (client: pg.Client, schema: string, rows: unknown[][]): Promise<unknown> =>
  client.query(
    `INSERT INTO "${schema}".events (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
   VALUES ${rows.map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')})`).join(', ')}`,
    rows.flat(),
  );
