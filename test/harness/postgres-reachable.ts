import pg from 'pg';
import { TEST_DATABASE_URL } from './store-under-test.js';

/**
 * `describe` for a suite that needs the local PostgreSQL whatever EVENT_STORE says; outside CI an
 * unreachable server skips the suite, saying so. In CI it must run.
 */
export const describeWithPostgres = async (suite: string): Promise<jest.Describe> => {
  const probe = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  const unreachable = await probe.connect().then(
    () => undefined,
    (error: Error) => error.message,
  );
  await probe.end().catch(() => undefined);
  if (unreachable) console.warn(`${suite} NOT RUN: PostgreSQL unreachable at ${TEST_DATABASE_URL}: ${unreachable}`);
  return unreachable && process.env.CI !== 'true' ? describe.skip : describe;
};
