import pg from 'pg';

/** Statements this process has sent to PostgreSQL since it began counting. */
export interface RoundTrips {
  count(): number;
  stop(): void;
}

/**
 * Counts every statement any pg client of this process sends — the log's pool, the read
 * models' Kysely pool, the key store, the listener — each one round trip (pg sends a
 * statement's parse, bind and execute together and waits for the answer).
 */
export const countRoundTrips = (): RoundTrips => {
  const query = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: Parameters<typeof query>) {
    count++;
    return query.apply(this, args);
  } as typeof query;
  return { count: () => count, stop: () => void (pg.Client.prototype.query = query) };
};
