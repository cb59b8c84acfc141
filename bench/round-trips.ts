import { createRequire } from 'node:module';
import type pg from 'pg';

/**
 * The pg the application loads: resolved from its own code, for the bench's packages (linked
 * beside the bench) hold another copy of pg, whose statements the application never sends.
 */
const applicationPg = createRequire(new URL('../libs/', import.meta.url))('pg') as typeof pg;

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
  const query = applicationPg.Client.prototype.query;
  let count = 0;
  applicationPg.Client.prototype.query = function counted(this: pg.Client, ...args: Parameters<typeof query>) {
    count++;
    return query.apply(this, args);
  } as typeof query;
  return { count: () => count, stop: () => void (applicationPg.Client.prototype.query = query) };
};
