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

/**
 * How every pool and lone session keeps its connections: an idle connection to a peer that died unseen (a host gone
 * silent, a failover behind a virtual address) is found by TCP keepalive probes after 10 s idle,
 * instead of failing the next statement sent on it much later. No connect timeout here: pg-pool
 * applies it to the wait for a free connection too, which would fail a busy but healthy pool's
 * requests (and the projections' pages) instead of queueing them; a lone session that only
 * connects (the projections' lease) sets one of its own.
 */
export const POOL_KEEPALIVE = { keepAlive: true, keepAliveInitialDelayMillis: 10_000 } as const;
