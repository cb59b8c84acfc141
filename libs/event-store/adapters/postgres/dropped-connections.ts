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
 * How every pool connects: a connect nobody answers (a host gone silent, a failover behind a
 * virtual address) fails after 10 s instead of holding the request for as long as the server's own
 * timeouts or TCP's, and an idle connection to a peer that died unseen is found by TCP keepalive
 * probes after 10 s idle, instead of failing the next statement sent on it much later.
 */
export const POOL_CONNECTING = { connectionTimeoutMillis: 10_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 } as const;
