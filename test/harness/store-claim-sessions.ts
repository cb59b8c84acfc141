import pg from 'pg';
import { advisoryKey } from '../../libs/event-store/adapters/postgres/advisory-key.js';

/**
 * The PostgreSQL sessions that hold the store claim of the log in `schema` (its advisory lock's
 * key: the claims of other tests' logs run beside it).
 */
export const storeClaimSessions = async (connectionString: string, schema: string): Promise<number[]> => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT DISTINCT pid FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) = $1::bigint`,
      [advisoryKey(`store claim:${schema}`)],
    );
    return rows.map((row) => row.pid);
  } finally {
    await admin.end();
  }
};

/** Ends a PostgreSQL session as a server restart or an operator's pg_terminate_backend would. */
export const terminateSession = async (connectionString: string, pid: number): Promise<void> => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend($1)', [pid]).finally(() => admin.end());
};
