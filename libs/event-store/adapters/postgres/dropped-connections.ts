import type pg from 'pg';

/**
 * A connection PostgreSQL drops (a restart, a network cut) is an `error` event on its client:
 * on an idle one through the pool, on one checked out — a transaction between two statements —
 * on the client itself. Unheard, either ends the process; heard, the statement that used it
 * fails with the cause and the pool connects anew for the next.
 */
export const hearDroppedConnections = (pool: pg.Pool): pg.Pool => {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};
